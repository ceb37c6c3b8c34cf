package dev.kirana.auth.account;

import dev.kirana.auth.otp.OtpPurpose;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Request bodies of the account API. */
public final class AccountRequests {

    @Schema(example = """
            {"name":"Ravi Sharma","email":"ravi@example.com","phone":"+919876543210","password":"correct-horse-42"}""")
    public record Register(@NotBlank @Size(max = 120) String name,
                           @Schema(description = "email and/or phone is required") @Size(max = 254) String email,
                           @Schema(description = "mobile number; 10-digit Indian numbers get +91") @Size(max = 20) String phone,
                           @NotBlank @Size(max = 200) String password) {
    }

    @Schema(example = """
            {"username":"owner@demo.kirana","password":"kirana-demo"}""")
    public record Login(@NotBlank @Size(max = 254) @Schema(description = "email address or mobile number") String username,
                        @NotBlank @Size(max = 200) String password) {
    }

    @Schema(example = """
            {"refreshToken":"q5m0c8Xb..."}""")
    public record Refresh(@NotBlank @Size(max = 100) String refreshToken) {
    }

    @Schema(example = """
            {"shopId":"00000000-0000-4000-a000-000000000001","refreshToken":"q5m0c8Xb..."}""")
    public record SwitchShop(@NotNull UUID shopId,
                             @Schema(description = "optional: the current refresh token, so the session continues instead of a new one starting")
                             @Size(max = 100) String refreshToken) {
    }

    @Schema(example = """
            {"refreshToken":"q5m0c8Xb...","allSessions":false}""")
    public record Logout(@NotBlank @Size(max = 100) String refreshToken,
                         @Schema(description = "also end every other session of the account") Boolean allSessions) {
    }

    @Schema(example = """
            {"phone":"+919876543210","purpose":"LOGIN"}""")
    public record OtpRequest(@NotBlank @Size(max = 20) String phone,
                             @Schema(description = "LOGIN (default)") OtpPurpose purpose) {
    }

    @Schema(example = """
            {"phone":"+919876543210","code":"482913"}""")
    public record OtpLogin(@NotBlank @Size(max = 20) String phone, @NotBlank @Size(max = 10) String code) {
    }

    @Schema(example = """
            {"currentPassword":"correct-horse-42","newPassword":"battery-staple-77"}""")
    public record ChangePassword(@Size(max = 200) String currentPassword, @NotBlank @Size(max = 200) String newPassword) {
    }

    @Schema(example = """
            {"username":"ravi@example.com"}""")
    public record ResetRequest(@NotBlank @Size(max = 254) String username) {
    }

    @Schema(example = """
            {"username":"ravi@example.com","code":"482913","newPassword":"battery-staple-77"}""")
    public record ResetConfirm(@NotBlank @Size(max = 254) String username, @NotBlank @Size(max = 10) String code,
                               @NotBlank @Size(max = 200) String newPassword) {
    }

    @Schema(example = """
            {"channel":"PHONE"}""")
    public record VerificationRequest(@NotNull Contact channel) {
    }

    @Schema(example = """
            {"channel":"PHONE","code":"482913"}""")
    public record VerificationConfirm(@NotNull Contact channel, @NotBlank @Size(max = 10) String code) {
    }

    @Schema(example = """
            {"pin":"4829"}""")
    public record SetPin(@NotBlank @Size(max = 6) String pin) {
    }

    @Schema(example = """
            {"name":"Ravi Kumar Sharma","email":"ravi.sharma@example.com","currentPassword":"sharma-store-2026"}""")
    public record ProfileChange(@Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "no control characters") String name,
                                @Size(max = 254) String email,
                                @Size(max = 20) String phone,
                                @Size(max = 200) @Schema(description = "required to change the email or phone of an account with a password")
                                String currentPassword) {
    }

    @Schema(example = """
            {"channel":"EMAIL","code":"482913"}""")
    public record ContactConfirm(@NotNull Contact channel, @NotBlank @Size(max = 10) String code) {
    }

    /** Which of the account's contacts to verify. */
    public enum Contact { EMAIL, PHONE }

    private AccountRequests() {
    }
}

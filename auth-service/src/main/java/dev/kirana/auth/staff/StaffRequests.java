package dev.kirana.auth.staff;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What clients send about a shop's people. */
public final class StaffRequests {
    private StaffRequests() {
    }

    @Schema(example = """
            {"name":"Suresh Patil","phone":"+919876500011","designation":"Counter assistant","joinedOn":"2026-04-01",
             "payBasis":"MONTHLY","rate":"15000.00","overtimeRate":"80.00","standardHours":"9"}""")
    public record EmployeeRequest(@NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "no control characters") String name,
                                  @Size(max = 20) @Pattern(regexp = "\\+?[0-9]{10,15}", message = "a mobile number, e.g. +919876500011") String phone,
                                  @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "no control characters") String designation,
                                  @NotNull LocalDate joinedOn,
                                  @NotNull PayBasis payBasis,
                                  @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal rate,
                                  @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal overtimeRate,
                                  @DecimalMin(value = "0", inclusive = false) @DecimalMax("24") @Digits(integer = 2, fraction = 2) BigDecimal standardHours,
                                  @Schema(description = "a member of the shop who is this employee (they log in as themselves)") UUID userId,
                                  @Schema(description = "ACTIVE (default) or LEFT") @Pattern(regexp = "ACTIVE|LEFT") String status) {
    }

    @Schema(example = """
            {"pin":"4829"}""")
    public record EmployeePin(@NotBlank @Size(max = 6) String pin) {
    }

    @Schema(example = """
            {"status":"PRESENT","checkIn":"2026-11-02T03:30:00Z","checkOut":"2026-11-02T12:30:00Z","reason":"forgot to check out"}""")
    public record AttendanceMark(@NotNull AttendanceStatus status, Instant checkIn, Instant checkOut,
                                 @Size(max = 300) String reason) {
    }

    public enum Punch { CHECK_IN, CHECK_OUT }

    @Schema(example = """
            {"deviceId":"5f0c7f7e-2f7a-4c55-9a53-6a0f6f1e8c21","deviceSecret":"d-s3cr3t","employeeId":"0b6f0f43-5f8e-4a54-9d0c-1c3d2f6a7b80",
             "pin":"4829","punch":"CHECK_IN"}""")
    public record DevicePunch(@NotNull UUID deviceId, @NotBlank @Size(max = 100) String deviceSecret, @NotNull UUID employeeId,
                              @NotBlank @Size(max = 6) String pin, @NotNull Punch punch) {
    }

    @Schema(example = """
            {"month":"2026-11","paidFrom":"CASH","paidOn":"2026-12-01",
             "lines":[{"employeeId":"0b6f0f43-5f8e-4a54-9d0c-1c3d2f6a7b80","bonus":"500.00","deductions":"200.00","advances":"2000.00"}]}""")
    public record SalaryRunRequest(@NotNull @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "a month, like 2026-11") String month,
                                   @NotNull @Pattern(regexp = "CASH|BANK") String paidFrom,
                                   LocalDate paidOn,
                                   @Size(max = 500) List<@NotNull @Valid SalaryInput> lines) {
    }

    @Schema(example = """
            {"amount":"2000.00","paidFrom":"CASH","paidOn":"2026-11-15","note":"festival advance"}""")
    public record AdvanceRequest(@NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 2) BigDecimal amount,
                                 @NotNull @Pattern(regexp = "CASH|BANK") String paidFrom,
                                 LocalDate paidOn,
                                 @Size(max = 300) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "no control characters") String note) {
    }

    public record SalaryInput(@NotNull UUID employeeId,
                              @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal bonus,
                              @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal deductions,
                              @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal advances) {
    }
}

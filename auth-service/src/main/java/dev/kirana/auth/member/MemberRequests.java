package dev.kirana.auth.member;

import dev.kirana.web.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public final class MemberRequests {

    @Schema(description = "Adds an existing account by email/phone, or creates one. A new account gets the initial password "
            + "(if given) or logs in by SMS code / password reset.", example = """
            {"email":"cashier@example.com","phone":"+919812345678","name":"Asha","role":"CASHIER","initialPassword":"counter-one-2026"}""")
    public record AddMember(@Size(max = 254) String email, @Size(max = 20) String phone, @Size(max = 120) String name,
                            @NotNull Role role, @Size(max = 200) String initialPassword) {
    }

    @Schema(example = """
            {"role":"MANAGER"}""")
    public record ChangeRole(@NotNull Role role) {
    }

    private MemberRequests() {
    }
}

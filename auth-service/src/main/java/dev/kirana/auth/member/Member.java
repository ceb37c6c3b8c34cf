package dev.kirana.auth.member;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

@Schema(example = """
        {"userId":"00000000-0000-4000-a000-0000000000a2","name":"Demo Cashier","email":"cashier@demo.kirana","phone":null,
         "role":"CASHIER","since":"2026-04-01T10:00:00Z","accountCreated":false}""")
public record Member(String userId, String name, String email, String phone, String role, Instant since,
                     @Schema(description = "true when adding the member created their account") boolean accountCreated) {
}

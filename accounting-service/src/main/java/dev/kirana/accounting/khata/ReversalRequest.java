package dev.kirana.accounting.khata;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** Why a payment recorded by mistake is reversed, and when (today when absent). */
@Schema(example = """
        {"reason":"entered twice","date":"2026-04-21"}""")
public record ReversalRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason, LocalDate date) {
}

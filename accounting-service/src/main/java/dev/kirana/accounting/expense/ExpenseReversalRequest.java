package dev.kirana.accounting.expense;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** Why an expense is undone, and the date of its counter-entry (today when left out). */
@Schema(example = """
        {"reason":"entered twice","date":"2026-11-30"}""")
public record ExpenseReversalRequest(String reason, LocalDate date) {
}

package dev.kirana.accounting.purchase;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Goods of a bill going back to the supplier: per bill line, at most what was billed less what went back before. */
@Schema(example = """
        {"date":"2026-04-15","reason":"2 packets torn","lines":[{"lineNo":1,"quantity":"2"}]}""")
public record PurchaseReturnRequest(
        @Schema(description = "the debit note's date: today when absent, not before the bill, never in the future") LocalDate date,
        String reason,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Line> lines) {

    public record Line(
            @Schema(description = "the bill's line number (1 = its first line)", requiredMode = Schema.RequiredMode.REQUIRED) Integer lineNo,
            @Schema(description = "more than zero, at most 3 decimals", requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal quantity) {
    }
}

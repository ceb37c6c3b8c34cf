package dev.kirana.accounting.journal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A journal entry made by hand: balanced, at least two lines, each a positive debit or a positive credit. */
@Schema(example = """
        {"date":"2026-04-05","narration":"April shop rent paid in cash","reference":"Rent receipt 14",
         "lines":[{"account":"5300","debit":"15000.00"},{"account":"1000","credit":"15000.00"}]}""")
public record ManualEntryRequest(LocalDate date, String narration, String reference, List<LineRequest> lines) {

    /** One line: an account code of the shop's chart and either a debit or a credit. */
    public record LineRequest(String account, BigDecimal debit, BigDecimal credit) {
    }
}

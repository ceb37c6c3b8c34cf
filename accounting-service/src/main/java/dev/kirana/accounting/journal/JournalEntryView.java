package dev.kirana.accounting.journal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A journal entry as the API shows it. {@code kind} is POSTED (from a sale, refund, stock movement …; {@code source}
 * names the event), MANUAL or REVERSAL. {@code originalDate} is set when the entry belonged to a locked month and was
 * booked on {@code date}, the first open date after it.
 */
public record JournalEntryView(UUID id, LocalDate date, LocalDate originalDate, String kind, String narration, String reference,
                               String source, String createdBy, UUID reversalOf, UUID reversedBy, List<LineView> lines,
                               BigDecimal total) {

    public record LineView(int lineNo, String account, String accountName, BigDecimal debit, BigDecimal credit) {
    }
}

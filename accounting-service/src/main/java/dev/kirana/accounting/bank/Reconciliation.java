package dev.kirana.accounting.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A bank account's statement lines against its lines in the books: what is matched (automatically or by hand), the
 * statement lines the books do not have yet (bank charges, interest, a collection not recorded) and the book lines the
 * bank has not shown yet (a cheque not cleared, a deposit in transit).
 */
public record Reconciliation(UUID bankAccountId, String accountCode, LocalDate from, LocalDate to, List<Pair> matched,
                             List<StatementLine> unmatchedStatementLines, List<BookLine> unmatchedBookLines) {

    public record StatementLine(UUID id, int lineNo, LocalDate date, String description, String reference, BigDecimal debit, BigDecimal credit) {
    }

    public record BookLine(UUID entryId, int lineNo, LocalDate date, String narration, String reference, BigDecimal debit, BigDecimal credit) {
    }

    public record Pair(StatementLine statementLine, BookLine bookLine, boolean manual, String matchedBy) {
    }

    /** What an import did: lines taken, lines already imported before (skipped), rows refused and why, new automatic matches. */
    public record ImportReport(UUID importId, int imported, int duplicates, List<StatementCsv.Rejected> rejected, int matched,
                               Reconciliation reconciliation) {
    }
}

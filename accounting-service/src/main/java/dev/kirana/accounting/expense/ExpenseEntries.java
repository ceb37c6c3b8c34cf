package dev.kirana.accounting.expense;

import dev.kirana.accounting.ledger.LedgerEntry;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The ledger rule of an expense: Dr the category's expense account (net), Dr input CGST 1300 / SGST 1310 or IGST
 * 1320 (the tax, which the shop takes as input credit), Cr what it was paid from (the whole amount).
 */
public final class ExpenseEntries {
    static final String INPUT_CGST = "1300";
    static final String INPUT_SGST = "1310";
    static final String INPUT_IGST = "1320";

    public static String source(UUID expenseId) {
        return "expense:" + expenseId;
    }

    public static LedgerEntry entry(UUID expenseId, LocalDate date, String categoryName, String expenseAccount, ExpenseTax.Split split,
                                    String paidFrom, String supplierName, String reference) {
        String narration = "Expense: " + categoryName + (supplierName == null ? "" : " — " + supplierName)
                + (reference == null ? "" : " (" + reference + ")");
        return LedgerEntry.builder(date, narration, source(expenseId)).reference(reference)
                .debit(expenseAccount, split.net())
                .debit(INPUT_CGST, split.cgst())
                .debit(INPUT_SGST, split.sgst())
                .debit(INPUT_IGST, split.igst())
                .credit(paidFrom, split.amount())
                .build();
    }

    /** The counter-entry of expense {@code expenseId}'s entry {@code entryId}. */
    public static LedgerEntry reversal(LedgerEntry original, UUID expenseId, UUID entryId, LocalDate on, String reason) {
        return original.reversed(on, "Reversal of " + original.narration() + " — " + reason, "expense-reversal:" + expenseId, entryId);
    }

    private ExpenseEntries() {
    }
}

package dev.kirana.accounting.party;

import dev.kirana.accounting.journal.Account;
import dev.kirana.accounting.journal.JournalEntry;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A party's opening balance, brought into the books against Opening balances (3100, equity): a customer who owed
 * ₹X is Dr Customers X / Cr Opening balances X; a supplier owed ₹X is Dr Opening balances X / Cr Suppliers X. A
 * negative amount is an advance and posts the other way round. A later change posts only the difference.
 */
public final class OpeningBalance {

    /**
     * @param change  the opening balance brought in (or its change), in the party's sense; zero posts nothing
     * @param label   the party's phone or GSTIN (the khata label of the line), may be null
     */
    public static JournalEntry entry(PartyKind kind, String partyName, String label, BigDecimal change, LocalDate date,
                                     String source) {
        JournalEntry.Builder b = JournalEntry.builder(date, "Opening balance of " + partyName, source);
        BigDecimal amount = change.abs();
        // increasing what a customer owes is a debit on 1100; increasing what the shop owes a supplier a credit on 2000
        boolean debitControl = (kind == PartyKind.CUSTOMER) == (change.signum() > 0);
        Account control = kind.controlAccount();
        if (debitControl) {
            b.debit(control, amount, label).credit(Account.OPENING_BALANCES, amount);
        } else {
            b.debit(Account.OPENING_BALANCES, amount).credit(control, amount, label);
        }
        return b.build();
    }

    private OpeningBalance() {
    }
}

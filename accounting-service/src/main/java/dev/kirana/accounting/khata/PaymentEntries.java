package dev.kirana.accounting.khata;

import dev.kirana.accounting.journal.Account;
import dev.kirana.accounting.journal.JournalEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The ledger rules of collections and payments, as pure functions:
 * <ul>
 *   <li>money received from a customer: Dr the mode's account (cash 1000, card 1010, UPI 1020; by BANK the bank
 *   account's own code 1051 … under 1050, or 1050 itself) /
 *   Cr Customers 1100 on the customer's khata — more than they owe leaves a credit balance, an advance;</li>
 *   <li>money paid to a supplier: Dr Suppliers 2000 / Cr the mode's account;</li>
 *   <li>a mistaken one is undone by its counter-entry (every line the other way round), never by an edit.</li>
 * </ul>
 */
public final class PaymentEntries {

    public static String source(UUID paymentId) {
        return "payment:" + paymentId;
    }

    public static String reversalSource(UUID paymentId) {
        return "payment-reversal:" + paymentId;
    }

    /** @param label the party's phone or GSTIN (the khata label of its line), may be null */
    public static JournalEntry entry(UUID paymentId, PaymentDirection direction, PaymentMode mode, BigDecimal amount,
                                     LocalDate date, String partyName, String label, String reference) {
        return entry(paymentId, direction, mode, mode.account().code(), amount, date, partyName, label, reference);
    }

    /** @param account the code the money went through: the mode's account, or by BANK a bank account under 1050 */
    public static JournalEntry entry(UUID paymentId, PaymentDirection direction, PaymentMode mode, String account, BigDecimal amount,
                                     LocalDate date, String partyName, String label, String reference) {
        String ref = reference == null ? "" : " (" + reference + ")";
        JournalEntry.Builder b;
        if (direction == PaymentDirection.RECEIVED) {
            b = JournalEntry.builder(date, "Received from " + partyName + " by " + mode.name() + ref, source(paymentId))
                    .debit(mode.account(), account, amount)
                    .credit(Account.CUSTOMERS, amount, label);
        } else {
            b = JournalEntry.builder(date, "Paid to " + partyName + " by " + mode.name() + ref, source(paymentId))
                    .debit(Account.SUPPLIERS, amount, label)
                    .credit(mode.account(), account, amount);
        }
        return b.build();
    }

    /** The counter-entry of {@code original} (payment {@code paymentId}), dated {@code date}. */
    public static JournalEntry reversal(JournalEntry original, UUID paymentId, LocalDate date, String reason) {
        return original.reversed(date, "Reversal of: " + original.narration() + (reason == null ? "" : " — " + reason),
                reversalSource(paymentId));
    }

    private PaymentEntries() {
    }
}

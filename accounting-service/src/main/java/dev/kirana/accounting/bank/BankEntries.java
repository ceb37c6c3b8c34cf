package dev.kirana.accounting.bank;

import dev.kirana.accounting.ledger.DayLocks;
import dev.kirana.accounting.ledger.LedgerEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The ledger rules of money moving between the drawer, the bank accounts and the card/UPI clearing accounts:
 * <ul>
 *   <li>deposit: Dr the bank account / Cr cash in hand 1000;</li>
 *   <li>withdrawal: Dr cash in hand / Cr the bank account;</li>
 *   <li>transfer: Dr the receiving bank account / Cr the paying one;</li>
 *   <li>settlement of card (1010) or UPI (1020) collections: Dr the bank account gross − fee, Dr card and UPI fees 5360
 *   the fee, Cr the clearing account the gross — the clearing account then holds only what is not settled yet.</li>
 * </ul>
 */
public final class BankEntries {
    public static final String CARD_CLEARING = "1010";
    public static final String UPI_CLEARING = "1020";
    public static final String PAYMENT_FEES = "5360";

    public static LedgerEntry deposit(UUID id, LocalDate date, String bank, String bankName, BigDecimal amount, String reference) {
        return LedgerEntry.builder(date, "Cash deposited into " + bankName + ref(reference), "bank-deposit:" + id).reference(reference)
                .debit(bank, amount).credit(DayLocks.CASH_IN_HAND, amount).build();
    }

    public static LedgerEntry withdrawal(UUID id, LocalDate date, String bank, String bankName, BigDecimal amount, String reference) {
        return LedgerEntry.builder(date, "Cash withdrawn from " + bankName + ref(reference), "bank-withdrawal:" + id).reference(reference)
                .debit(DayLocks.CASH_IN_HAND, amount).credit(bank, amount).build();
    }

    public static LedgerEntry transfer(UUID id, LocalDate date, String from, String fromName, String to, String toName, BigDecimal amount,
                                       String reference) {
        return LedgerEntry.builder(date, "Transfer from " + fromName + " to " + toName + ref(reference), "bank-transfer:" + id)
                .reference(reference).debit(to, amount).credit(from, amount).build();
    }

    public static LedgerEntry settlement(UUID id, LocalDate date, String provider, String clearing, String bank, String bankName,
                                         BigDecimal gross, BigDecimal fee, String reference) {
        return LedgerEntry.builder(date, (CARD_CLEARING.equals(clearing) ? "Card" : "UPI") + " settlement by " + provider + " into "
                        + bankName + ": " + gross.setScale(2) + " less fee " + fee.setScale(2) + ref(reference), "bank-settlement:" + id)
                .reference(reference)
                .debit(bank, gross.subtract(fee))
                .debit(PAYMENT_FEES, fee)
                .credit(clearing, gross)
                .build();
    }

    private static String ref(String reference) {
        return reference == null ? "" : " (" + reference + ")";
    }

    private BankEntries() {
    }
}

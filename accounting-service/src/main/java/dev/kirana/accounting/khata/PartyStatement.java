package dev.kirana.accounting.khata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A party's statement for a date range: the balance brought forward (everything before {@code from}), each movement
 * in the range with the running balance after it, and the closing balance. Balances are in the party's sense: what a
 * customer owes (debits raise it), what the shop owes a supplier (credits raise it); negative is an advance.
 */
public final class PartyStatement {

    /** What a line is, from what caused it. */
    public enum LineType {
        OPENING_BALANCE, SALE, REFUND, VOID, COLLECTION, PAYMENT, REVERSAL, OTHER;

        /** From a journal entry's source ({@code order.confirmed:…}, {@code payment:…} …). */
        public static LineType of(String source, boolean customer) {
            if (source == null) {
                return OTHER;
            }
            if (source.startsWith("party.opening:")) return OPENING_BALANCE;
            if (source.startsWith("order.confirmed:")) return SALE;
            if (source.startsWith("order.refunded:")) return REFUND;
            if (source.startsWith("order.voided:")) return VOID;
            if (source.startsWith("payment-reversal:")) return REVERSAL;
            if (source.startsWith("payment:")) return customer ? COLLECTION : PAYMENT;
            return OTHER;
        }
    }

    /** One posting on the party's account: a debit or a credit (the other is zero). */
    public record Posting(LocalDate date, LineType type, String narration, String source, BigDecimal debit, BigDecimal credit) {
    }

    public record Line(LocalDate date, LineType type, String narration, String source, BigDecimal debit, BigDecimal credit,
                       BigDecimal balance) {
    }

    public record Statement(LocalDate from, LocalDate to, BigDecimal openingBalance, List<Line> lines, BigDecimal totalDebits,
                            BigDecimal totalCredits, BigDecimal closingBalance) {
    }

    /**
     * @param customer true for a customer (debits raise the balance), false for a supplier (credits raise it)
     * @param postings every posting up to {@code to} at least, in date order
     */
    public static Statement of(boolean customer, LocalDate from, LocalDate to, List<Posting> postings) {
        BigDecimal opening = BigDecimal.ZERO.setScale(2);
        BigDecimal debits = BigDecimal.ZERO.setScale(2);
        BigDecimal credits = BigDecimal.ZERO.setScale(2);
        List<Line> lines = new ArrayList<>();
        BigDecimal running = null;
        for (Posting p : postings) {
            if (p.date().isAfter(to)) {
                continue;
            }
            BigDecimal effect = customer ? p.debit().subtract(p.credit()) : p.credit().subtract(p.debit());
            if (p.date().isBefore(from)) {
                opening = opening.add(effect);
                continue;
            }
            running = (running == null ? opening : running).add(effect);
            debits = debits.add(p.debit());
            credits = credits.add(p.credit());
            lines.add(new Line(p.date(), p.type(), p.narration(), p.source(), p.debit(), p.credit(), running));
        }
        return new Statement(from, to, opening, List.copyOf(lines), debits, credits, running == null ? opening : running);
    }

    private PartyStatement() {
    }
}

package dev.kirana.accounting.journal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A balanced double-entry: debits equal credits, every amount positive and in paise.
 * Built with {@link #builder}; {@link Builder#build()} refuses an unbalanced entry.
 */
public record JournalEntry(LocalDate date, String narration, String source, List<Line> lines) {

    /**
     * @param party the customer of a receivable (khata) line, else null
     * @param subAccount the chart sub-account of {@code account} the line posts to (a bank account 1051 under 1050), else null
     */
    public record Line(Account account, BigDecimal debit, BigDecimal credit, String party, String subAccount) {
        public Line(Account account, BigDecimal debit, BigDecimal credit, String party) {
            this(account, debit, credit, party, null);
        }

        public Line(Account account, BigDecimal debit, BigDecimal credit) {
            this(account, debit, credit, null, null);
        }

        /** The code the line is posted to: its sub-account's, else its account's. */
        public String code() {
            return subAccount == null ? account.code() : subAccount;
        }
    }

    public static Builder builder(LocalDate date, String narration, String source) {
        return new Builder(date, narration, source);
    }

    public BigDecimal totalDebits() {
        return lines.stream().map(Line::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalCredits() {
        return lines.stream().map(Line::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The same entry with every debit a credit and every credit a debit: what undoes it. */
    public JournalEntry reversed(LocalDate on, String narration, String source) {
        return new JournalEntry(on, narration, source,
                lines.stream().map(l -> new Line(l.account(), l.credit(), l.debit(), l.party(), l.subAccount())).toList());
    }

    public static final class Builder {
        private final LocalDate date;
        private final String narration;
        private final String source;
        private final List<Line> lines = new ArrayList<>();

        private Builder(LocalDate date, String narration, String source) {
            this.date = date;
            this.narration = narration;
            this.source = source;
        }

        public Builder debit(Account account, BigDecimal amount) {
            return add(account, amount, true, null);
        }

        public Builder credit(Account account, BigDecimal amount) {
            return add(account, amount, false, null);
        }

        public Builder debit(Account account, BigDecimal amount, String party) {
            return add(account, amount, true, party);
        }

        public Builder credit(Account account, BigDecimal amount, String party) {
            return add(account, amount, false, party);
        }

        /** A line on {@code code}, which is {@code account} itself or one of its chart sub-accounts (a bank account under 1050). */
        public Builder debit(Account account, String code, BigDecimal amount) {
            return add(account, amount, true, null, code);
        }

        public Builder credit(Account account, String code, BigDecimal amount) {
            return add(account, amount, false, null, code);
        }

        /** A signed amount: positive is a debit, negative a credit of its absolute value. */
        public Builder debitOrCredit(Account account, BigDecimal signed) {
            return signed.signum() >= 0 ? debit(account, signed) : credit(account, signed.negate());
        }

        private Builder add(Account account, BigDecimal amount, boolean debit, String party) {
            return add(account, amount, debit, party, null);
        }

        private Builder add(Account account, BigDecimal amount, boolean debit, String party, String code) {
            String sub = code == null || code.equals(account.code()) ? null : code;
            if (amount == null) {
                return this;
            }
            BigDecimal paise = amount.setScale(2, RoundingMode.HALF_UP);
            if (paise.signum() < 0) {
                throw new IllegalArgumentException("journal amounts are positive; post the other side instead");
            }
            if (paise.signum() > 0) {
                BigDecimal zero = BigDecimal.ZERO.setScale(2);
                lines.add(debit ? new Line(account, paise, zero, party, sub) : new Line(account, zero, paise, party, sub));
            }
            return this;
        }

        public JournalEntry build() {
            BigDecimal debits = lines.stream().map(Line::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal credits = lines.stream().map(Line::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (debits.compareTo(credits) != 0) {
                throw new IllegalStateException("unbalanced entry: debits " + debits + " ≠ credits " + credits);
            }
            return new JournalEntry(date, narration, source, List.copyOf(lines));
        }
    }
}

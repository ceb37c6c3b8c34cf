package dev.kirana.accounting.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A balanced entry on any account of a shop's chart, by code (a category's own expense account, a bank account under
 * 1050): what expenses, the cash book and the bank post. Debits equal credits; every amount is positive, in paise.
 *
 * @param source   what caused it, unique per shop ({@code expense:<id>}); a second posting of the same source is refused
 * @param reverses the entry it undoes (a counter-entry), else null
 */
public record LedgerEntry(LocalDate date, String narration, String source, String reference, UUID reverses, List<Line> lines) {

    public record Line(String account, BigDecimal debit, BigDecimal credit) {
    }

    public static Builder builder(LocalDate date, String narration, String source) {
        return new Builder(date, narration, source);
    }

    public List<String> accounts() {
        return lines.stream().map(Line::account).distinct().toList();
    }

    public boolean touches(String account) {
        return lines.stream().anyMatch(l -> l.account().equals(account));
    }

    /** Every debit a credit and every credit a debit: the counter-entry that undoes this one. */
    public LedgerEntry reversed(LocalDate on, String narration, String source, UUID reversedEntry) {
        return new LedgerEntry(on, narration, source, reference, reversedEntry,
                lines.stream().map(l -> new Line(l.account(), l.credit(), l.debit())).toList());
    }

    public BigDecimal total() {
        return lines.stream().map(Line::debit).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public static final class Builder {
        private final LocalDate date;
        private final String narration;
        private final String source;
        private String reference;
        private final List<Line> lines = new ArrayList<>();

        private Builder(LocalDate date, String narration, String source) {
            this.date = date;
            this.narration = narration;
            this.source = source;
        }

        public Builder reference(String reference) {
            this.reference = reference;
            return this;
        }

        public Builder debit(String account, BigDecimal amount) {
            return add(account, amount, true);
        }

        public Builder credit(String account, BigDecimal amount) {
            return add(account, amount, false);
        }

        private Builder add(String account, BigDecimal amount, boolean debit) {
            if (amount == null) {
                return this;
            }
            BigDecimal paise = amount.setScale(2, RoundingMode.HALF_UP);
            if (paise.signum() < 0) {
                throw new IllegalArgumentException("ledger amounts are positive; post the other side instead");
            }
            if (paise.signum() > 0) {
                BigDecimal zero = BigDecimal.ZERO.setScale(2);
                lines.add(debit ? new Line(account, paise, zero) : new Line(account, zero, paise));
            }
            return this;
        }

        public LedgerEntry build() {
            BigDecimal debits = lines.stream().map(Line::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal credits = lines.stream().map(Line::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (lines.isEmpty() || debits.compareTo(credits) != 0) {
                throw new IllegalStateException("unbalanced entry: debits " + debits + " ≠ credits " + credits);
            }
            return new LedgerEntry(date, narration, source, reference, null, List.copyOf(lines));
        }
    }
}

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

    public record Line(Account account, BigDecimal debit, BigDecimal credit) {
    }

    public static Builder builder(LocalDate date, String narration, String source) {
        return new Builder(date, narration, source);
    }

    public BigDecimal totalDebits() {
        return lines.stream().map(Line::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
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
            return add(account, amount, true);
        }

        public Builder credit(Account account, BigDecimal amount) {
            return add(account, amount, false);
        }

        private Builder add(Account account, BigDecimal amount, boolean debit) {
            BigDecimal paise = amount.setScale(2, RoundingMode.HALF_UP);
            if (paise.signum() < 0) {
                throw new IllegalArgumentException("journal amounts are positive; post the other side instead");
            }
            if (paise.signum() > 0) {
                lines.add(debit ? new Line(account, paise, BigDecimal.ZERO.setScale(2)) : new Line(account, BigDecimal.ZERO.setScale(2), paise));
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

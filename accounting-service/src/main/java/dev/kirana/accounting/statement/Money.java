package dev.kirana.accounting.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.function.Function;

/** Rupees and paise in statements: two decimals, sums that start from 0.00. */
final class Money {
    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    static BigDecimal of(BigDecimal v) {
        return v == null ? ZERO : v.setScale(2, RoundingMode.HALF_UP);
    }

    static <T> BigDecimal sum(Collection<T> items, Function<T, BigDecimal> amount) {
        return items.stream().map(amount).reduce(ZERO, BigDecimal::add);
    }

    static String text(BigDecimal v) {
        return v == null ? "" : of(v).toPlainString();
    }

    private Money() {
    }
}

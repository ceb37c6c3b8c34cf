package dev.kirana.order.creditlimit;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The credit-limit rule of the counter: a CREDIT sale may take a customer's balance up to the limit, not beyond.
 * {@code balance} is what the customer owes (negative: an advance), including credit already sold that the khata
 * does not show yet; {@code amount} the credit this sale adds. A limit that is absent or zero means the shop has not
 * set one for this customer, so any credit is allowed: accounting announces "no limit" as null and a party form
 * left at 0 means the same, and refusing every credit sale of a shop that never set limits would stop its counter.
 */
public record CreditLimit(BigDecimal limit, BigDecimal balance, BigDecimal amount) {

    public static CreditLimit of(BigDecimal limit, BigDecimal balance, BigDecimal amount) {
        return new CreditLimit(limit == null ? null : money(limit), money(balance == null ? BigDecimal.ZERO : balance),
                money(amount));
    }

    public boolean configured() {
        return limit != null && limit.signum() > 0;
    }

    /** The balance once this sale is on the khata. */
    public BigDecimal balanceAfter() {
        return balance.add(amount);
    }

    /** Exceeded when balance + amount is more than the limit; reaching the limit exactly is allowed. */
    public boolean exceeded() {
        return configured() && balanceAfter().compareTo(limit) > 0;
    }

    /** By how much the sale goes beyond the limit (zero when it does not). */
    public BigDecimal overBy() {
        return exceeded() ? balanceAfter().subtract(limit) : BigDecimal.ZERO.setScale(2);
    }

    /** Credit still available before this sale (never negative; null when no limit is set). */
    public BigDecimal available() {
        return configured() ? limit.subtract(balance).max(BigDecimal.ZERO).setScale(2) : null;
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}

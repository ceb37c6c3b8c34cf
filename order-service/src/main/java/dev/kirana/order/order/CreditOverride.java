package dev.kirana.order.order;

import java.math.BigDecimal;

/**
 * The sale went beyond the customer's credit limit and {@code by} (an OWNER or MANAGER, {@code role}) allowed it:
 * the limit, the balance known at the counter (khata plus credit sold but not yet in the books) and the credit amount
 * of this sale.
 */
public record CreditOverride(String by, String role, BigDecimal creditLimit, BigDecimal balance, BigDecimal amount) {
}

package dev.kirana.order.creditlimit;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer's khata as order-service last heard of it from accounting: the balance as of {@code balanceChangedAt}
 * (null when only the party's details have arrived: then the balance is its opening balance) and its credit limit.
 */
public record PartyBalance(String partyId, String name, String phone, String gstin, BigDecimal balance,
                           BigDecimal creditLimit, Instant balanceChangedAt) {
}

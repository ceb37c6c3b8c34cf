package dev.kirana.order.order;

import dev.kirana.order.pricing.TenderType;
import java.time.Instant;

/**
 * What to list: each criterion is optional. {@code from} inclusive, {@code to} exclusive; {@code customer} matches
 * a phone number or GSTIN exactly, or the start of a name.
 */
public record OrderFilter(OrderStatus status, Instant from, Instant to, String cashierId, String customer,
                          TenderType tender, String invoiceNumber) {
}

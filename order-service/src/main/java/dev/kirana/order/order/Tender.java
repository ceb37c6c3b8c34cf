package dev.kirana.order.order;

import dev.kirana.order.pricing.TenderType;
import java.math.BigDecimal;

/** How part of a sale was paid. @param amount what the tender settles of the total; {@code tendered - change} for cash */
public record Tender(TenderType type, BigDecimal tendered, BigDecimal amount, BigDecimal change, String reference, Long points) {
}

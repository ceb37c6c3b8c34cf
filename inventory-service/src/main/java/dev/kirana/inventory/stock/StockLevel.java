package dev.kirana.inventory.stock;

import java.math.BigDecimal;
import java.util.UUID;

/** Stock of one product at one location. Available is what can still be reserved. */
public record StockLevel(String productId, UUID locationId, BigDecimal onHand, BigDecimal reserved, BigDecimal available,
                         BigDecimal averageCost) {
}

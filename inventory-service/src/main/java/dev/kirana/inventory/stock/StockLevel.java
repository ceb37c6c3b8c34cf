package dev.kirana.inventory.stock;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Stock of one product at one location. Available is what can still be reserved (on hand less reserved);
 * expired is on hand in lots past their expiry date, and sellable is available less expired.
 */
public record StockLevel(String productId, UUID locationId, BigDecimal onHand, BigDecimal reserved, BigDecimal available,
                         BigDecimal averageCost, BigDecimal expired, BigDecimal sellable) {

    /** The same level without what the stock cost (as a cashier sees it). */
    public StockLevel withoutCost() {
        return new StockLevel(productId, locationId, onHand, reserved, available, null, expired, sellable);
    }
}

package dev.kirana.inventory.lowstock;

import java.math.BigDecimal;

/**
 * When a product is low: available stock (all locations, less what is reserved or expired) at or below
 * its reorder level. {@code stock.low} goes out once when a product becomes low, not on every sale
 * while it stays low; it can go out again after the product was restocked above the level.
 */
public final class LowStock {
    /** The product's new state, and whether that change is news ({@code stock.low}). */
    public record Transition(boolean low, boolean announce) {
    }

    private LowStock() {
    }

    public static boolean isLow(BigDecimal available, BigDecimal reorderLevel) {
        return reorderLevel != null && available.compareTo(reorderLevel) <= 0;
    }

    public static Transition next(boolean wasLow, BigDecimal available, BigDecimal reorderLevel) {
        boolean low = isLow(available, reorderLevel);
        return new Transition(low, low && !wasLow);
    }
}

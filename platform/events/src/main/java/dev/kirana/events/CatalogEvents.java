package dev.kirana.events;

import java.math.BigDecimal;

/** Data of the events on {@link Topics#CATALOG}. */
public final class CatalogEvents {
    /** The full state of a product after it was created or changed ({@code product.created}, {@code product.updated}). */
    public record ProductChanged(String productId, String sku, String barcode, String name, String hsn,
                                 BigDecimal gstRate, BigDecimal sellingPrice, BigDecimal mrp, boolean taxInclusive,
                                 String unit, boolean active, long version) {
    }

    private CatalogEvents() {
    }
}

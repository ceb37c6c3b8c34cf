package dev.kirana.events;

import java.math.BigDecimal;
import java.time.Instant;

/** Data of the events on {@link Topics#CATALOG}. */
public final class CatalogEvents {
    /**
     * The full state of a product after it was created or changed ({@code product.created}, {@code product.updated}).
     * {@code gstRate} is the rate in force now; the fields after {@code version} were added later and may be absent.
     */
    public record ProductChanged(String productId, String sku, String barcode, String name, String hsn,
                                 BigDecimal gstRate, BigDecimal sellingPrice, BigDecimal mrp, boolean taxInclusive,
                                 String unit, boolean active, long version,
                                 String description, String categoryId, String categoryPath, BigDecimal costPrice,
                                 BigDecimal reorderLevel, Boolean perishable, Boolean serialTracked) {
        /** The first twelve fields only (producers that know nothing of categories, cost or stock flags). */
        public ProductChanged(String productId, String sku, String barcode, String name, String hsn,
                              BigDecimal gstRate, BigDecimal sellingPrice, BigDecimal mrp, boolean taxInclusive,
                              String unit, boolean active, long version) {
            this(productId, sku, barcode, name, hsn, gstRate, sellingPrice, mrp, taxInclusive, unit, active, version,
                    null, null, null, null, null, null, null);
        }
    }

    /** A product was archived: no longer sold, received or counted ({@code product.archived}); a {@code product.updated} carries its new state. */
    public record ProductArchived(String productId, String sku, String name, long version) {
    }

    /** A product's prices changed ({@code price.changed}); old values are absent when there was none. */
    public record PriceChanged(String productId, String sku, BigDecimal oldSellingPrice, BigDecimal sellingPrice,
                               BigDecimal oldMrp, BigDecimal mrp, BigDecimal oldCostPrice, BigDecimal costPrice,
                               String changedBy, Instant changedAt, long version) {
    }

    private CatalogEvents() {
    }
}

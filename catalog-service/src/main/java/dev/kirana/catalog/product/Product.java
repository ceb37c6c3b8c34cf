package dev.kirana.catalog.product;

import dev.kirana.events.CatalogEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A product of one shop, as sold at the counter. {@code gstRate} is the rate in force today (see
 * {@code GET /api/v1/products/{id}/tax-rate?date=} for any other date of supply).
 */
public record Product(UUID id, String shopId, String sku, String barcode, String name, String description,
                      UUID categoryId, String categoryPath, String hsn, BigDecimal gstRate,
                      BigDecimal sellingPrice, BigDecimal mrp, BigDecimal costPrice, boolean taxInclusive, String unit,
                      BigDecimal reorderLevel, boolean perishable, boolean serialTracked, boolean active,
                      Instant archivedAt, long version, Instant createdAt, Instant updatedAt) {

    public CatalogEvents.ProductChanged toEvent() {
        return new CatalogEvents.ProductChanged(id.toString(), sku, barcode, name, hsn, gstRate, sellingPrice, mrp,
                taxInclusive, unit, active, version, description, categoryId == null ? null : categoryId.toString(),
                categoryPath, costPrice, reorderLevel, perishable, serialTracked);
    }

    /** The same product without what it cost (as a cashier sees it). */
    public Product withoutCost() {
        return new Product(id, shopId, sku, barcode, name, description, categoryId, categoryPath, hsn, gstRate, sellingPrice, mrp,
                null, taxInclusive, unit, reorderLevel, perishable, serialTracked, active, archivedAt, version, createdAt, updatedAt);
    }

    /** The strong entity tag of this version, for {@code ETag} / {@code If-Match}. */
    public String etag() {
        return "\"" + version + "\"";
    }
}

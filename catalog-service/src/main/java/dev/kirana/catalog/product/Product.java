package dev.kirana.catalog.product;

import dev.kirana.events.CatalogEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A product of one shop, as sold at the counter. */
public record Product(UUID id, String shopId, String sku, String barcode, String name, String hsn, BigDecimal gstRate,
                      BigDecimal sellingPrice, BigDecimal mrp, boolean taxInclusive, String unit, boolean active,
                      long version, Instant createdAt, Instant updatedAt) {

    public CatalogEvents.ProductChanged toEvent() {
        return new CatalogEvents.ProductChanged(id.toString(), sku, barcode, name, hsn, gstRate, sellingPrice, mrp,
                taxInclusive, unit, active, version);
    }
}

package dev.kirana.order.catalogreplica;

import java.math.BigDecimal;

/** A product as order-service last heard of it from the catalog. */
public record ReplicaProduct(String productId, String sku, String barcode, String name, String hsn, BigDecimal gstRate,
                             BigDecimal sellingPrice, BigDecimal mrp, boolean taxInclusive, String unit, boolean active,
                             long version) {
}

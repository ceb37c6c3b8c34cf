package dev.kirana.catalog.product;

import java.math.BigDecimal;
import java.time.Instant;

/** One entry of a product's price history: the prices before (absent for the first prices) and after, who changed them and how. */
public record PriceChange(long id, BigDecimal oldSellingPrice, BigDecimal sellingPrice, BigDecimal oldMrp, BigDecimal mrp,
                          BigDecimal oldCostPrice, BigDecimal costPrice, String changedBy, String cause,
                          long productVersion, Instant changedAt) {
}

package dev.kirana.catalog.product;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Rules a product's prices obey. MRP (maximum retail price) includes all taxes, and a shop may not
 * charge more than it: a tax-inclusive selling price must not exceed the MRP, and a tax-exclusive one
 * must not exceed it once GST is added (to the paisa).
 */
public final class PriceRules {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private PriceRules() {
    }

    /** What the customer pays for one unit: the price itself when tax-inclusive, else price plus GST, to the paisa. */
    public static BigDecimal priceWithTax(BigDecimal sellingPrice, boolean taxInclusive, BigDecimal gstRate) {
        if (taxInclusive) {
            return sellingPrice;
        }
        return sellingPrice.multiply(HUNDRED.add(gstRate)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /** Why the prices break the MRP rule, if they do. */
    public static Optional<String> mrpViolation(BigDecimal sellingPrice, BigDecimal mrp, boolean taxInclusive, BigDecimal gstRate) {
        if (mrp == null || sellingPrice == null || gstRate == null) {
            return Optional.empty();
        }
        BigDecimal charged = priceWithTax(sellingPrice, taxInclusive, gstRate);
        if (charged.compareTo(mrp) > 0) {
            return Optional.of(taxInclusive
                    ? "selling price " + sellingPrice.toPlainString() + " is above the MRP " + mrp.toPlainString()
                    : "selling price " + sellingPrice.toPlainString() + " plus " + gstRate.stripTrailingZeros().toPlainString()
                      + "% GST is " + charged.toPlainString() + ", above the MRP " + mrp.toPlainString());
        }
        return Optional.empty();
    }
}

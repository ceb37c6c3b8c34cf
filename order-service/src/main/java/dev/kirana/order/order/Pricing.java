package dev.kirana.order.order;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Line and order amounts in rupees and paise. */
public final class Pricing {
    public static BigDecimal lineTotal(BigDecimal unitPrice, BigDecimal quantity) {
        return unitPrice.multiply(quantity).setScale(2, RoundingMode.HALF_UP);
    }

    private Pricing() {
    }
}

package dev.kirana.inventory.valuation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Moving-average valuation: a receipt blends its cost into the cost of what is on hand; issues leave the average unchanged. */
public final class MovingAverageCost {
    public static final int SCALE = 4;

    /** The average unit cost after receiving {@code quantity} at {@code unitCost} onto {@code onHand} valued at {@code averageCost}. */
    public static BigDecimal afterReceipt(BigDecimal onHand, BigDecimal averageCost, BigDecimal quantity, BigDecimal unitCost) {
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("a receipt adds a positive quantity");
        }
        if (onHand.signum() <= 0) {
            return unitCost.setScale(SCALE, RoundingMode.HALF_UP);
        }
        BigDecimal value = onHand.multiply(averageCost).add(quantity.multiply(unitCost));
        return value.divide(onHand.add(quantity), SCALE, RoundingMode.HALF_UP);
    }

    /** The value of {@code quantity} units at {@code averageCost}, to the paisa-fraction the ledger keeps. */
    public static BigDecimal value(BigDecimal quantity, BigDecimal averageCost) {
        return quantity.multiply(averageCost).setScale(SCALE, RoundingMode.HALF_UP);
    }

    private MovingAverageCost() {
    }
}

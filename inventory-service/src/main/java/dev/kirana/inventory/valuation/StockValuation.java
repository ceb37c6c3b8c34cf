package dev.kirana.inventory.valuation;

import dev.kirana.inventory.lots.LotPicker.Take;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The cost side of every movement under either method: what an issue costs per unit, and the average
 * unit cost left on the shelf afterwards. Unit costs keep 4 decimals (fractions of a paisa), values too.
 */
public final class StockValuation {
    public static final int SCALE = MovingAverageCost.SCALE;

    private StockValuation() {
    }

    /** The unit cost of an issue that takes {@code takes}: the average under moving average, the lots' own under FIFO. */
    public static BigDecimal issueUnitCost(ValuationMethod method, List<Take> takes, BigDecimal averageCost) {
        if (method == ValuationMethod.MOVING_AVERAGE || takes.isEmpty()) {
            return averageCost.setScale(SCALE, RoundingMode.HALF_UP);
        }
        BigDecimal qty = takes.stream().map(Take::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal value = takes.stream().map(Take::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return value.divide(qty, SCALE, RoundingMode.HALF_UP);
    }

    /** The value of an issue: exact lot values under FIFO, quantity × average under moving average. */
    public static BigDecimal issueValue(ValuationMethod method, List<Take> takes, BigDecimal quantity, BigDecimal averageCost) {
        if (method == ValuationMethod.MOVING_AVERAGE || takes.isEmpty()) {
            return MovingAverageCost.value(quantity, averageCost);
        }
        return takes.stream().map(Take::value).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /**
     * The average unit cost after stock comes in. Under moving average the receipt's cost blends into
     * the average; under FIFO the average is only the lots' value over their quantity (for display).
     */
    public static BigDecimal averageAfterReceipt(ValuationMethod method, BigDecimal onHand, BigDecimal averageCost,
                                                 BigDecimal lotsValue, BigDecimal quantity, BigDecimal unitCost) {
        if (method == ValuationMethod.MOVING_AVERAGE) {
            return MovingAverageCost.afterReceipt(onHand, averageCost, quantity, unitCost);
        }
        return average(onHand.add(quantity), lotsValue.add(quantity.multiply(unitCost)));
    }

    /** The average after an issue: unchanged under moving average, the remaining lots' under FIFO. */
    public static BigDecimal averageAfterIssue(ValuationMethod method, BigDecimal averageCost, BigDecimal onHandAfter,
                                               BigDecimal lotsValueAfter) {
        if (method == ValuationMethod.MOVING_AVERAGE) {
            return averageCost;
        }
        return onHandAfter.signum() == 0 ? averageCost : average(onHandAfter, lotsValueAfter);
    }

    /** What the stock on hand is worth. */
    public static BigDecimal stockValue(ValuationMethod method, BigDecimal onHand, BigDecimal averageCost, BigDecimal lotsValue) {
        return method == ValuationMethod.MOVING_AVERAGE ? MovingAverageCost.value(onHand, averageCost)
                : lotsValue.setScale(SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal average(BigDecimal quantity, BigDecimal value) {
        return quantity.signum() == 0 ? BigDecimal.ZERO.setScale(SCALE) : value.divide(quantity, SCALE, RoundingMode.HALF_UP);
    }
}

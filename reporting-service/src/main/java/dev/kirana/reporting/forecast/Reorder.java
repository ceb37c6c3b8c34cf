package dev.kirana.reporting.forecast;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Reorder maths for one product, from a {@link Forecast} or from a mean daily demand and its standard deviation.
 *
 * <pre>
 * lead-time demand  D(L) = sum of the forecast means over the first L days   (mean * L for a flat demand)
 * review demand     D(R) = sum of the forecast means over the R days after the lead time
 * z                 = standard normal inverse CDF at the service level (0.95 gives 1.6449)
 * safety stock      SS = z * sigma * sqrt(L)      (sigma: std dev of daily demand / one-step forecast error)
 * reorder point     ROP = D(L) + SS
 * position          = on hand + on order
 * order quantity    Q = max(0, ROP + D(R) - position), rounded up to whole units, then up to a multiple of the pack
 * days of cover     = on hand / mean daily demand (infinite when demand is 0; from a Forecast, the days until the
 *                     daily forecasts use up the stock)
 * stock-out before the next delivery = days of cover &lt; L
 * </pre>
 *
 * <p>The safety stock covers the lead time only, which is exact for continuous review ({@code R = 0}, the default);
 * with a review period the demand of that period is ordered on top as its mean.
 */
public final class Reorder {
    public static final double DEFAULT_SERVICE_LEVEL = 0.95;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Reorder() {
    }

    /**
     * How a product is replenished.
     *
     * @param leadTimeDays days from ordering to delivery (L), at least 0
     * @param reviewDays days between two orders (R), 0 for continuous review
     * @param serviceLevel probability of not running out during the lead time, strictly between 0 and 1
     * @param packSize units per pack the supplier sells, at least 1
     */
    public record Policy(int leadTimeDays, int reviewDays, double serviceLevel, int packSize) {
        public Policy {
            if (leadTimeDays < 0 || reviewDays < 0) {
                throw new IllegalArgumentException("lead time and review period must not be negative");
            }
            if (!(serviceLevel > 0 && serviceLevel < 1)) {
                throw new IllegalArgumentException("service level must be between 0 and 1");
            }
            if (packSize < 1) {
                throw new IllegalArgumentException("pack size must be at least 1");
            }
        }

        /** Continuous review, 95% service level, single units. */
        public static Policy leadTime(int days) {
            return new Policy(days, 0, DEFAULT_SERVICE_LEVEL, 1);
        }

        public Policy withReviewDays(int days) {
            return new Policy(leadTimeDays, days, serviceLevel, packSize);
        }

        public Policy withServiceLevel(double level) {
            return new Policy(leadTimeDays, reviewDays, level, packSize);
        }

        public Policy withPackSize(int size) {
            return new Policy(leadTimeDays, reviewDays, serviceLevel, size);
        }
    }

    /** The figures of one reorder decision, see the class comment for the formulas. */
    public record Plan(double leadTimeDemand, double reviewDemand, double z, double safetyStock, double reorderPoint,
                       double position, long orderQuantity, double daysOfCover, boolean stockoutBeforeDelivery) {
        /** Whether the stock position is at or below the reorder point. */
        public boolean reorderNow() {
            return position <= reorderPoint;
        }
    }

    /** A plan from a forecast: its daily means and its {@link Forecast#sigma() sigma}. */
    public static Plan plan(Forecast forecast, Policy policy, double onHand, double onOrder) {
        int l = policy.leadTimeDays();
        double leadTimeDemand = forecast.total(l);
        double reviewDemand = forecast.total(l + policy.reviewDays()) - leadTimeDemand;
        return plan(leadTimeDemand, reviewDemand, forecast.sigma(), policy, onHand, onOrder,
                forecast.daysOfCover(onHand));
    }

    /** A plan for a flat demand of {@code meanDaily} units a day with standard deviation {@code sigmaDaily}. */
    public static Plan plan(double meanDaily, double sigmaDaily, Policy policy, double onHand, double onOrder) {
        if (!(meanDaily >= 0) || !(sigmaDaily >= 0) || Double.isInfinite(meanDaily) || Double.isInfinite(sigmaDaily)) {
            throw new IllegalArgumentException("mean and sigma must be finite and not negative");
        }
        return plan(meanDaily * policy.leadTimeDays(), meanDaily * policy.reviewDays(), sigmaDaily, policy, onHand,
                onOrder, daysOfCover(onHand, meanDaily));
    }

    private static Plan plan(double leadTimeDemand, double reviewDemand, double sigma, Policy policy, double onHand,
                             double onOrder, double cover) {
        double z = z(policy.serviceLevel());
        double safetyStock = safetyStock(z, sigma, policy.leadTimeDays());
        double reorderPoint = leadTimeDemand + safetyStock;
        double position = onHand + onOrder;
        long quantity = roundUp(Math.max(0, reorderPoint + reviewDemand - position), policy.packSize());
        return new Plan(leadTimeDemand, reviewDemand, z, safetyStock, reorderPoint, position, quantity, cover,
                cover < policy.leadTimeDays());
    }

    /** The standard normal quantile at {@code serviceLevel}. */
    public static double z(double serviceLevel) {
        if (!(serviceLevel > 0 && serviceLevel < 1)) {
            throw new IllegalArgumentException("service level must be between 0 and 1");
        }
        return NORMAL.inverseCumulativeProbability(serviceLevel);
    }

    /** {@code z * sigmaDaily * sqrt(leadTimeDays)}, never negative. */
    public static double safetyStock(double z, double sigmaDaily, int leadTimeDays) {
        return Math.max(0, z * sigmaDaily * Math.sqrt(leadTimeDays));
    }

    /** {@code onHand / meanDaily}; positive infinity when the demand is 0 and there is stock, 0 without stock. */
    public static double daysOfCover(double onHand, double meanDaily) {
        if (onHand <= 0) {
            return 0;
        }
        return meanDaily > 0 ? onHand / meanDaily : Double.POSITIVE_INFINITY;
    }

    /** {@code quantity} rounded up to whole units and then up to a multiple of {@code packSize}. */
    public static long roundUp(double quantity, int packSize) {
        if (packSize < 1) {
            throw new IllegalArgumentException("pack size must be at least 1");
        }
        // tolerate floating-point noise such as 12.000000000001
        long units = (long) Math.ceil(quantity - 1e-9);
        if (units <= 0) {
            return 0;
        }
        return (units + packSize - 1) / packSize * packSize;
    }
}

package dev.kirana.reporting.forecast;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A forecast for the days after a history, with the method that made it and the evidence for choosing it.
 *
 * @param method the chosen method ({@code NONE} for a history without demand)
 * @param demandClass the demand pattern of the history used
 * @param metric the backtest score the method was chosen by: MASE, or RMSSE for intermittent and lumpy demand
 * @param mase the chosen method's backtest MASE
 * @param baselineMase the seasonal naive backtest MASE (the baseline to beat)
 * @param candidates every method that was backtested, in order of simplicity, with its scores
 * @param origins how many backtest origins were used; 0 when the history was too short to backtest, in which case the
 *     baseline is used and both MASE values are 1 (the in-sample MASE of the naive forecast); 0 with MASE values of 0
 *     for a history without demand
 * @param start the weekday of {@code mean[0]}, or null when the weekday of the history was not given
 * @param sigma standard deviation of the chosen method's in-sample one-step errors (daily demand uncertainty)
 * @param mean point forecasts per day, never negative
 * @param lo80 lower bounds of the 80% intervals, never negative
 * @param hi80 upper bounds of the 80% intervals
 * @param lo95 lower bounds of the 95% intervals, never negative
 * @param hi95 upper bounds of the 95% intervals
 */
public record Forecast(String method, DemandClass demandClass, Candidate.Metric metric, double mase,
                       double baselineMase, List<Candidate> candidates, int origins, DayOfWeek start, double sigma,
                       double[] mean, double[] lo80, double[] hi80, double[] lo95, double[] hi95) {
    public static final String NONE = "NONE";
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    public Forecast {
        Objects.requireNonNull(method);
        Objects.requireNonNull(demandClass);
        Objects.requireNonNull(metric);
        candidates = List.copyOf(candidates);
        mean = mean.clone();
        lo80 = lo80.clone();
        hi80 = hi80.clone();
        lo95 = lo95.clone();
        hi95 = hi95.clone();
        int h = mean.length;
        if (h == 0 || lo80.length != h || hi80.length != h || lo95.length != h || hi95.length != h) {
            throw new IllegalArgumentException("forecast arrays must be non-empty and of equal length");
        }
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] lo80() {
        return lo80.clone();
    }

    @Override
    public double[] hi80() {
        return hi80.clone();
    }

    @Override
    public double[] lo95() {
        return lo95.clone();
    }

    @Override
    public double[] hi95() {
        return hi95.clone();
    }

    public int horizon() {
        return mean.length;
    }

    /** The weekday of forecast day {@code i} (0-based). */
    public DayOfWeek dayOf(int i) {
        if (start == null) {
            throw new IllegalStateException("the weekday of the history was not given");
        }
        return start.plus(i);
    }

    /**
     * Point forecast for day {@code i} (0-based). Beyond the horizon the last week of the forecast repeats (the last
     * day when the horizon is shorter than a week), an approximation for lead times longer than the horizon.
     */
    public double meanAt(int i) {
        if (i < 0) {
            throw new IllegalArgumentException("day must not be negative");
        }
        int h = mean.length;
        if (i < h) {
            return mean[i];
        }
        int p = Math.min(7, h);
        return mean[h - p + (i - h) % p];
    }

    /** Forecast demand over the first {@code days} days: the sum of the point forecasts (see {@link #meanAt}). */
    public double total(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        double s = 0;
        for (int i = 0; i < days; i++) {
            s += meanAt(i);
        }
        return s;
    }

    /**
     * Forecast demand over the first {@code days} days with a two-sided interval at {@code level} (e.g. 0.95):
     * {@code total ± z * sigma * sqrt(days)}, z the standard normal quantile at {@code (1 + level) / 2}, treating the
     * daily errors as independent; the lower bound is floored at 0.
     */
    public Total total(int days, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be between 0 and 1");
        }
        double total = total(days);
        double half = NORMAL.inverseCumulativeProbability((1 + level) / 2) * sigma * Math.sqrt(days);
        return new Total(days, level, total, Math.max(0, total - half), total + half);
    }

    /**
     * Mean daily demand: the average point forecast over the horizon.
     */
    public double meanDaily() {
        return total(mean.length) / mean.length;
    }

    /**
     * Days until {@code onHand} units are used up by the point forecasts, fractional within a day; beyond the horizon
     * the last forecast week repeats. Positive infinity when the forecast demand is zero.
     */
    public double daysOfCover(double onHand) {
        int h = mean.length;
        double left = onHand;
        for (int i = 0; i < h; i++) {
            if (left <= 0) {
                return i;
            }
            if (mean[i] >= left) {
                return i + left / mean[i];
            }
            left -= mean[i];
        }
        int p = Math.min(7, h);
        double cycle = 0;
        for (int i = h - p; i < h; i++) {
            cycle += mean[i];
        }
        if (cycle <= 0) {
            return left <= 0 ? h : Double.POSITIVE_INFINITY;
        }
        double weeks = Math.floor(left / cycle);
        double day = h + weeks * p;
        left -= weeks * cycle;
        for (int i = h - p; i < h; i++, day++) {
            if (left <= 0) {
                return day;
            }
            if (mean[i] >= left) {
                return day + left / mean[i];
            }
            left -= mean[i];
        }
        return day;
    }

    /** Demand over a number of days with an interval at a confidence level. */
    public record Total(int days, double level, double mean, double lower, double upper) {
    }
}

package dev.kirana.reporting.forecast.anomaly;

import dev.kirana.reporting.forecast.Forecast;
import dev.kirana.reporting.forecast.Forecaster;
import java.util.Arrays;
import java.util.Optional;

/**
 * Whether a product's demand jumped or dropped in the last week: the total of the last 7 days is compared with the
 * 95% interval of the 7-day total forecast from the history before them ({@link Forecast#total(int, double)}).
 */
public final class DemandShift {
    public static final int WINDOW = 7;
    /** History needed before the window: two weeks. */
    public static final int MIN_HISTORY = 14;
    private static final double LEVEL = 0.95;

    private DemandShift() {
    }

    public enum Direction { JUMP, DROP, NORMAL }

    /**
     * The comparison for the last week.
     *
     * @param actual units sold in the last 7 days
     * @param expected forecast for those days from the history before them
     * @param lower lower bound of the 95% interval of {@code expected}
     * @param upper upper bound of the 95% interval of {@code expected}
     * @param method the forecasting method used
     */
    public record Shift(Direction direction, double actual, double expected, double lower, double upper,
                        String method) {
        public boolean unusual() {
            return direction != Direction.NORMAL;
        }
    }

    /** Empty when there are fewer than {@value #MIN_HISTORY} days before the last week. */
    public static Optional<Shift> lastWeek(double[] daily) {
        int n = daily.length;
        if (n < MIN_HISTORY + WINDOW) {
            return Optional.empty();
        }
        double[] before = Arrays.copyOf(daily, n - WINDOW);
        double actual = 0;
        for (int i = n - WINDOW; i < n; i++) {
            actual += Math.max(0, daily[i]);
        }
        Forecast f = Forecaster.forecast(before, WINDOW);
        Forecast.Total t = f.total(WINDOW, LEVEL);
        Direction d = actual > t.upper() ? Direction.JUMP : actual < t.lower() ? Direction.DROP : Direction.NORMAL;
        return Optional.of(new Shift(d, actual, t.mean(), t.lower(), t.upper(), f.method()));
    }
}

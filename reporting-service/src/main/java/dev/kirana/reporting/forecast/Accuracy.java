package dev.kirana.reporting.forecast;

/**
 * Scaled forecast errors (Hyndman and Koehler, 2006), comparable across products of any sales volume.
 *
 * <pre>
 * MASE  = mean(|actual(i) - forecast(i)|) / scale(train)
 * scale = mean over t &gt;= 7 of |y(t) - y(t-7)|        (in-sample one-step seasonal naive MAE)
 *
 * RMSSE = sqrt(mean((actual(i) - forecast(i))^2) / scale2(train))
 * scale2 = mean over t &gt;= 7 of (y(t) - y(t-7))^2     (in-sample one-step seasonal naive MSE)
 * </pre>
 *
 * <p>When the training history is one week or shorter, or the seasonal scale is 0, the scale falls back to the lag-one
 * naive differences {@code y(t) - y(t-1)}; when that is 0 too (a constant history), to the mean absolute (squared)
 * demand; and for an all-zero history to 1, so that the result is the plain MAE (RMSE) in units. The scales are
 * therefore always positive and the errors always finite.
 *
 * <p>RMSSE is used for intermittent demand, where MASE rewards forecasts of zero (the median of a series that is
 * mostly zero) over forecasts of the mean rate.
 */
public final class Accuracy {
    public static final int SEASON = 7;

    private Accuracy() {
    }

    public static double mase(double[] train, double[] actual, double[] forecast) {
        check(actual, forecast);
        return mae(actual, forecast) / scale(train);
    }

    public static double rmsse(double[] train, double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = actual[i] - forecast[i];
            s += e * e;
        }
        return Math.sqrt(s / actual.length / squaredScale(train));
    }

    public static double mae(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs(actual[i] - forecast[i]);
        }
        return s / actual.length;
    }

    /** The MASE denominator for a training history, see the class comment. Always positive. */
    public static double scale(double[] train) {
        return scale(train, 1);
    }

    /** The RMSSE denominator (before the square root) for a training history. Always positive. */
    public static double squaredScale(double[] train) {
        return scale(train, 2);
    }

    /** In-sample mean absolute lag-{@code m} difference; 0 when the history has no such pair of days. */
    public static double naiveMae(double[] y, int m) {
        return naiveError(y, m, 1);
    }

    private static double scale(double[] train, int power) {
        double seasonal = naiveError(train, SEASON, power);
        if (seasonal > 0) {
            return seasonal;
        }
        double naive = naiveError(train, 1, power);
        if (naive > 0) {
            return naive;
        }
        double level = 0;
        for (double v : train) {
            level += power == 1 ? Math.abs(v) : v * v;
        }
        return level > 0 ? level / train.length : 1;
    }

    private static double naiveError(double[] y, int m, int power) {
        if (y.length <= m) {
            return 0;
        }
        double s = 0;
        for (int t = m; t < y.length; t++) {
            double d = Math.abs(y[t] - y[t - m]);
            s += power == 1 ? d : d * d;
        }
        return s / (y.length - m);
    }

    private static void check(double[] actual, double[] forecast) {
        if (actual.length != forecast.length || actual.length == 0) {
            throw new IllegalArgumentException("actual and forecast must be non-empty and of equal length");
        }
    }
}

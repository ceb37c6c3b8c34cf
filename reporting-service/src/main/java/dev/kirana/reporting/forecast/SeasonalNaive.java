package dev.kirana.reporting.forecast;

/**
 * Seasonal naive with a weekly season: the forecast for a day is the demand on the same weekday of the last observed
 * week. Histories shorter than one week fall back to naive (every day forecast as the last observed value). This is
 * the baseline every other method has to beat.
 *
 * <p>Error spread: {@code sigma * sqrt(k + 1)} with {@code k = floor((step - 1) / 7)} (naive: {@code sigma *
 * sqrt(step)}), sigma being the RMS of the in-sample seasonal (or, below two weeks, lag-one) differences.
 */
public final class SeasonalNaive implements ForecastMethod {
    public static final String NAME = "SEASONAL_NAIVE";
    private final int period;

    public SeasonalNaive() {
        this(7);
    }

    public SeasonalNaive(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be positive");
        }
        this.period = period;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean applicable(double[] y) {
        return y.length >= 1;
    }

    @Override
    public Fit fit(double[] y) {
        int n = y.length;
        boolean seasonal = n >= period;
        int lag = seasonal && n >= 2 * period ? period : 1;
        double sse = 0;
        int count = 0;
        for (int t = lag; t < n; t++) {
            double e = y[t] - y[t - lag];
            sse += e * e;
            count++;
        }
        double sigma = count >= 2 ? Series.rms(sse, count) : Series.poissonSigma(y);
        return new Fit() {
            @Override
            public double[] forecast(int h) {
                double[] f = new double[h];
                for (int i = 0; i < h; i++) {
                    f[i] = seasonal ? y[n - period + i % period] : y[n - 1];
                }
                return f;
            }

            @Override
            public double sigma() {
                return sigma;
            }

            @Override
            public double[] sd(int h) {
                double[] sd = new double[h];
                for (int i = 0; i < h; i++) {
                    sd[i] = sigma * Math.sqrt(seasonal ? i / period + 1 : i + 1);
                }
                return sd;
            }

            @Override
            public Fit withHistory(double[] other) {
                return fit(other);
            }
        };
    }
}

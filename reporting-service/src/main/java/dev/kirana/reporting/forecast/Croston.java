package dev.kirana.reporting.forecast;

/**
 * Croston's method for intermittent demand and its Syntetos-Boylan approximation (SBA). Demand sizes {@code z} and
 * intervals between demands {@code p} are smoothed separately, only on days with demand:
 *
 * <pre>
 * z' = z + alpha * (y(t) - z)      p' = p + alpha * (q - p)      (q = days since the previous demand)
 * forecast = z / p                 (Croston)
 * forecast = (1 - alpha / 2) * z / p   (SBA, removing Croston's upward bias)
 * </pre>
 *
 * <p>z and p start from the first demand (its size, and its day number counting from 1); alpha in [0.02, 0.3]
 * minimises the one-step SSE of the forecast after the first demand (Brent's method). Error spread {@code sigma *
 * sqrt(1 + (step - 1) * alpha^2)} as for simple exponential smoothing. Applicable when there are at least two days
 * with demand and at least one without.
 */
public final class Croston implements ForecastMethod {
    public static final String NAME = "CROSTON";
    public static final String SBA_NAME = "SBA";
    private final boolean sba;

    private Croston(boolean sba) {
        this.sba = sba;
    }

    public static Croston classic() {
        return new Croston(false);
    }

    public static Croston sba() {
        return new Croston(true);
    }

    @Override
    public String name() {
        return sba ? SBA_NAME : NAME;
    }

    @Override
    public boolean applicable(double[] y) {
        int k = Series.nonZero(y);
        return k >= 2 && k < y.length;
    }

    @Override
    public Fit fit(double[] y) {
        return apply(y, Optim.minimize(a -> run(y, a)[1], 0.02, 0.3));
    }

    private Fit apply(double[] y, double alpha) {
        double[] state = run(y, alpha);
        double level = state[0];
        double sigma = (int) state[2] >= 2 ? Series.rms(state[1], (int) state[2]) : Series.poissonSigma(y);
        return new FlatFit(level, sigma, alpha, other -> apply(other, alpha));
    }

    /** Final forecast, SSE and number of errors. */
    private double[] run(double[] y, double alpha) {
        int first = Series.firstNonZero(y);
        double z = y[first];
        double p = first + 1;
        int q = 1;
        double factor = sba ? 1 - alpha / 2 : 1;
        double sse = 0;
        int count = 0;
        for (int t = first + 1; t < y.length; t++) {
            double e = y[t] - factor * z / p;
            sse += e * e;
            count++;
            if (y[t] > 0) {
                z += alpha * (y[t] - z);
                p += alpha * (q - p);
                q = 1;
            } else {
                q++;
            }
        }
        return new double[] {factor * z / p, sse, count};
    }
}

package dev.kirana.reporting.forecast;

/**
 * Simple exponential smoothing: {@code l(t) = l(t-1) + alpha * (y(t) - l(t-1))}, flat forecast {@code l(n)}. The
 * initial level is the mean of the first week (or of the whole history when shorter); alpha in [0.001, 1] minimises
 * the in-sample one-step-ahead sum of squared errors (Brent's method). Error spread {@code sigma * sqrt(1 + (step - 1)
 * * alpha^2)}.
 *
 * <p>Applicable to regular sellers (average demand interval below 1.32 days, see {@link DemandClass}) with at least 3
 * days of history; intermittent demand is left to {@link Croston} and {@link Tsb}.
 */
public final class SimpleExponentialSmoothing implements ForecastMethod {
    public static final String NAME = "SES";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean applicable(double[] y) {
        return y.length >= 3 && DemandClass.adi(y) < DemandClass.ADI_CUTOFF;
    }

    @Override
    public Fit fit(double[] y) {
        double l0 = initialLevel(y);
        double alpha = Optim.minimize(a -> run(y, l0, a)[1], 0.001, 1.0);
        return apply(y, alpha);
    }

    private static double initialLevel(double[] y) {
        return Series.mean(y, 0, Math.min(y.length, 7));
    }

    private static Fit apply(double[] y, double alpha) {
        double[] state = run(y, initialLevel(y), alpha);
        double level = state[0];
        double sigma = Series.rms(state[1], y.length);
        return new FlatFit(level, sigma, alpha, other -> apply(other, alpha));
    }

    /** Final level and SSE. */
    private static double[] run(double[] y, double l0, double alpha) {
        double l = l0;
        double sse = 0;
        for (double v : y) {
            double e = v - l;
            sse += e * e;
            l += alpha * e;
        }
        return new double[] {l, sse};
    }
}

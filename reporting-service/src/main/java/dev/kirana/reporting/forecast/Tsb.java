package dev.kirana.reporting.forecast;

/**
 * Teunter-Syntetos-Babai (TSB) for intermittent demand: the probability of demand {@code d} is updated every day, the
 * demand size {@code z} only on days with demand, so the forecast decays towards zero while a product stops selling:
 *
 * <pre>
 * d' = d + beta * ([y(t) &gt; 0] - d)
 * z' = z + alpha * (y(t) - z)          (only when y(t) &gt; 0)
 * forecast = d * z
 * </pre>
 *
 * <p>d and z start from the first demand (1 / its day number counting from 1, and its size); alpha and beta in [0.02,
 * 0.3] minimise the one-step SSE after the first demand (Nelder-Mead). Error spread {@code sigma * sqrt(1 + (step - 1) *
 * max(alpha, beta)^2)}. Applicable when there are at least two days with demand and at least one without.
 */
public final class Tsb implements ForecastMethod {
    public static final String NAME = "TSB";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean applicable(double[] y) {
        int k = Series.nonZero(y);
        return k >= 2 && k < y.length;
    }

    @Override
    public Fit fit(double[] y) {
        double[] x = Optim.minimize(p -> run(y, p[0], p[1])[1], new double[] {0.1, 0.1}, new double[] {0.02, 0.02},
                new double[] {0.3, 0.3});
        return apply(y, x[0], x[1]);
    }

    private static Fit apply(double[] y, double alpha, double beta) {
        double[] state = run(y, alpha, beta);
        double level = state[0];
        double sigma = (int) state[2] >= 2 ? Series.rms(state[1], (int) state[2]) : Series.poissonSigma(y);
        double smoothing = Math.max(alpha, beta);
        return new FlatFit(level, sigma, smoothing, other -> apply(other, alpha, beta));
    }

    /** Final forecast, SSE and number of errors. */
    private static double[] run(double[] y, double alpha, double beta) {
        int first = Series.firstNonZero(y);
        double z = y[first];
        double d = 1.0 / (first + 1);
        double sse = 0;
        int count = 0;
        for (int t = first + 1; t < y.length; t++) {
            double e = y[t] - d * z;
            sse += e * e;
            count++;
            if (y[t] > 0) {
                d += beta * (1 - d);
                z += alpha * (y[t] - z);
            } else {
                d -= beta * d;
            }
        }
        return new double[] {d * z, sse, count};
    }
}

package dev.kirana.reporting.forecast;

/**
 * Additive Holt-Winters with a weekly season, in the error-correction form of ETS(A,A,A) or, damped, ETS(A,Ad,A):
 *
 * <pre>
 * e(t) = y(t) - (l + phi * b + s(t - m))
 * l'   = l + phi * b + alpha * e(t)
 * b'   = phi * b + beta * e(t)
 * s(t) = s(t - m) + gamma * e(t)
 * forecast(step) = l + (phi + phi^2 + ... + phi^step) * b + s(n + step - m)
 * </pre>
 *
 * <p>Initial states come from the first two weeks (level and trend from the two weekly means, seasonal offsets from the
 * detrended days of both weeks). alpha, beta = alpha * b* and gamma = (1 - alpha) * g* (so that beta &lt;= alpha and
 * gamma &lt;= 1 - alpha) and, when damped, phi in [0.8, 0.98] minimise the in-sample one-step SSE (Nelder-Mead).
 *
 * <p>Error spread (Hyndman et al., class 1 models): {@code sigma * sqrt(1 + sum_{j=1}^{step-1} c(j)^2)} with {@code
 * c(j) = alpha + beta * (phi + ... + phi^j) + gamma * [j mod m == 0]}.
 *
 * <p>Applicable to regular sellers (average demand interval below 1.32 days, see {@link DemandClass}) with at least two
 * full weeks of history.
 */
public final class HoltWinters implements ForecastMethod {
    public static final String NAME = "HOLT_WINTERS";
    public static final String DAMPED_NAME = "HOLT_WINTERS_DAMPED";
    private static final double PHI_MIN = 0.8;
    private static final double PHI_MAX = 0.98;
    private final int m;
    private final boolean damped;

    public HoltWinters(boolean damped) {
        this(7, damped);
    }

    public HoltWinters(int period, boolean damped) {
        if (period < 2) {
            throw new IllegalArgumentException("period must be at least 2");
        }
        this.m = period;
        this.damped = damped;
    }

    @Override
    public String name() {
        return damped ? DAMPED_NAME : NAME;
    }

    @Override
    public boolean applicable(double[] y) {
        return y.length >= 2 * m && DemandClass.adi(y) < DemandClass.ADI_CUTOFF;
    }

    @Override
    public Fit fit(double[] y) {
        double[] init = initialStates(y);
        double[] start = damped ? new double[] {0.3, 0.1, 0.1, 0.5} : new double[] {0.3, 0.1, 0.1};
        double[] lo = new double[start.length];
        double[] hi = new double[start.length];
        java.util.Arrays.fill(hi, 1.0);
        lo[0] = 0.001;
        hi[0] = 0.999;
        double[] x = Optim.minimize(p -> run(y, init, params(p), null), start, lo, hi);
        return apply(y, params(x));
    }

    private Fit apply(double[] y, double[] params) {
        double[] end = new double[m + 2];
        double sse = run(y, initialStates(y), params, end);
        double sigma = Series.rms(sse, y.length);
        int n = y.length;
        double alpha = params[0];
        double beta = params[1];
        double gamma = params[2];
        double phi = params[3];
        return new Fit() {
            @Override
            public double[] forecast(int h) {
                double[] f = new double[h];
                double level = end[m];
                double trend = end[m + 1];
                double phiSum = 0;
                double phiPow = 1;
                for (int i = 0; i < h; i++) {
                    phiPow *= phi;
                    phiSum += phiPow;
                    f[i] = level + phiSum * trend + end[(n + i) % m];
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
                double sum = 1;
                double phiSum = 0;
                double phiPow = 1;
                for (int i = 0; i < h; i++) {
                    sd[i] = sigma * Math.sqrt(sum);
                    int j = i + 1;
                    phiPow *= phi;
                    phiSum += phiPow;
                    double c = alpha + beta * phiSum + (j % m == 0 ? gamma : 0);
                    sum += c * c;
                }
                return sd;
            }

            @Override
            public Fit withHistory(double[] other) {
                return apply(other, params);
            }
        };
    }

    /** {alpha, beta, gamma, phi} from the optimiser's unit-box coordinates. */
    private double[] params(double[] x) {
        double alpha = x[0];
        double beta = alpha * x[1];
        double gamma = (1 - alpha) * x[2];
        double phi = damped ? PHI_MIN + (PHI_MAX - PHI_MIN) * x[3] : 1.0;
        return new double[] {alpha, beta, gamma, phi};
    }

    /**
     * Seasonal offsets indexed by {@code t mod m}, then the level and trend just before the first observation.
     */
    private double[] initialStates(double[] y) {
        double mean1 = Series.mean(y, 0, m);
        double mean2 = Series.mean(y, m, 2 * m);
        double b = (mean2 - mean1) / m;
        double centre = (m - 1) / 2.0;
        double[] init = new double[m + 2];
        double sum = 0;
        for (int i = 0; i < m; i++) {
            double d1 = y[i] - (mean1 + b * (i - centre));
            double d2 = y[i + m] - (mean1 + b * (i + m - centre));
            init[i] = (d1 + d2) / 2;
            sum += init[i];
        }
        for (int i = 0; i < m; i++) {
            init[i] -= sum / m;
        }
        init[m] = mean1 - b * (centre + 1);
        init[m + 1] = b;
        return init;
    }

    /** Runs the filter and returns the SSE; when {@code end} is given, leaves the final states in it. */
    private double run(double[] y, double[] init, double[] p, double[] end) {
        double alpha = p[0];
        double beta = p[1];
        double gamma = p[2];
        double phi = p[3];
        double[] s = java.util.Arrays.copyOf(init, m);
        double l = init[m];
        double b = init[m + 1];
        double sse = 0;
        for (int t = 0; t < y.length; t++) {
            int k = t % m;
            double e = y[t] - (l + phi * b + s[k]);
            sse += e * e;
            double nl = l + phi * b + alpha * e;
            b = phi * b + beta * e;
            l = nl;
            s[k] += gamma * e;
        }
        if (end != null) {
            System.arraycopy(s, 0, end, 0, m);
            end[m] = l;
            end[m + 1] = b;
        }
        return Double.isFinite(sse) ? sse : Double.MAX_VALUE;
    }
}

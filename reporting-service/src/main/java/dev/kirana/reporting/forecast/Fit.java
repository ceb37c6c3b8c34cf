package dev.kirana.reporting.forecast;

/** A method fitted to one history: forecasts from the day after its last observation. */
public interface Fit {

    /** Point forecasts for the next {@code h} days (index 0 is the first day after the history); may be negative. */
    double[] forecast(int h);

    /** Standard deviation of the in-sample one-step-ahead errors (0 when the history was exactly reproduced). */
    double sigma();

    /**
     * Standard deviation of the forecast error for steps 1..h. The default is {@code sigma * sqrt(step)}; methods with
     * a known formula override it.
     */
    default double[] sd(int h) {
        double[] sd = new double[h];
        for (int i = 0; i < h; i++) {
            sd[i] = sigma() * Math.sqrt(i + 1);
        }
        return sd;
    }

    /**
     * The same fitted parameters run over another history (in backtests: a longer one with the same start), without
     * estimating them again. {@code y} must be long enough for the method.
     */
    Fit withHistory(double[] y);
}

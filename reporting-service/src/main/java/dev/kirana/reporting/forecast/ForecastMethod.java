package dev.kirana.reporting.forecast;

/**
 * One way of forecasting a daily demand series. Implementations are stateless and thread-safe: {@link #fit} returns a
 * new {@link Fit} and never keeps or changes the array it is given.
 */
public interface ForecastMethod {

    /** A stable upper-case name, e.g. {@code SES}, reported as {@link Forecast#method()}. */
    String name();

    /** Whether the method can be fitted to {@code y} (long enough, the right kind of demand). */
    boolean applicable(double[] y);

    /**
     * Fits the method to {@code y} (oldest first, non-negative, finite). Only called when {@link #applicable} is true.
     */
    Fit fit(double[] y);
}

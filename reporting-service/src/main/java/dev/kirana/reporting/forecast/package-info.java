/**
 * Demand forecasting for one product's daily unit sales, in plain Java (no Spring, no I/O).
 *
 * <p>{@link dev.kirana.reporting.forecast.Forecaster#forecast(double[], int)} takes a daily history (oldest first, one
 * entry per calendar day, zeros included), backtests every applicable {@link dev.kirana.reporting.forecast.ForecastMethod}
 * on rolling origins, keeps the one with the lowest MASE and returns a {@link dev.kirana.reporting.forecast.Forecast}
 * with point forecasts and 80% / 95% intervals. {@link dev.kirana.reporting.forecast.Reorder} turns a forecast into a
 * reorder point and an order quantity; {@link dev.kirana.reporting.forecast.anomaly} flags unusual actors and sudden
 * demand shifts.
 */
package dev.kirana.reporting.forecast;

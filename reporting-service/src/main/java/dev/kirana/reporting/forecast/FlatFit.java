package dev.kirana.reporting.forecast;

import java.util.function.Function;

/**
 * The fit of a smoothing method whose forecast is one level for every day ahead (simple exponential smoothing,
 * Croston, SBA, TSB): the level, the one-step error's spread, the smoothing weight that widens it with the horizon,
 * and how to run the same parameters over another history.
 */
record FlatFit(double level, double sigma, double smoothing, Function<double[], Fit> refit) implements Fit {
    @Override
    public double[] forecast(int h) {
        return Series.flat(level, h);
    }

    @Override
    public double[] sd(int h) {
        return Series.smoothingSd(sigma, smoothing, h);
    }

    @Override
    public Fit withHistory(double[] y) {
        return refit.apply(y);
    }
}

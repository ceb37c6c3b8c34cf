package dev.kirana.reporting.forecast;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Chooses a forecasting method for one product by a rolling-origin backtest and forecasts with it.
 *
 * <ol>
 *   <li>Only the last {@value #MAX_HISTORY} days are used (a whole number of weeks, so weekdays stay aligned); negative
 *       days (net returns) count as 0.
 *   <li>A history without any demand gets the method {@value Forecast#NONE}: zero forecasts and zero-width intervals.
 *   <li>Backtest: the evaluation horizon is the requested horizon capped at {@value #MAX_BACKTEST_HORIZON} days. Up to
 *       {@value #MAX_ORIGINS} origins, {@value #ORIGIN_STEP} days apart, end at the latest possible day; each method is
 *       run on the history before an origin (expanding window) and scored on the days after it by {@link Accuracy#mase
 *       MASE} and {@link Accuracy#rmsse RMSSE}. A method's parameters are estimated once, on the history before the
 *       earliest origin, and kept for the later origins (its states still follow the data up to each origin); this keeps
 *       the cost at one optimisation per method and uses no data after any origin. Origins keep at least two weeks of
 *       training history when the history allows it, at least 3 days otherwise (the evaluation horizon shrinks to make
 *       room for one origin).
 *   <li>A method is a candidate when it is applicable at every origin and to the whole history. Its scores are the means
 *       over the origins. Methods are ranked by MASE, or by RMSSE for {@link DemandClass#INTERMITTENT intermittent} and
 *       {@link DemandClass#LUMPY lumpy} demand (MASE would favour forecasting zero there). The lowest score wins; ties
 *       (within 1e-9) go to the method listed first, the methods being listed from the simplest. The first method is
 *       the baseline and always a candidate.
 *   <li>The winner is refitted to the whole history. Point forecasts are floored at 0; the 80% and 95% intervals are
 *       {@code mean ± z * sd(step)} with the method's error spread (see each method), lower bounds floored at 0.
 * </ol>
 *
 * <p>Instances are immutable and thread-safe. Cost per product is bounded: one parameter optimisation per method (with
 * a fixed evaluation budget) plus one for the chosen method on the whole history, and a few linear passes over at most
 * {@value #MAX_HISTORY} days.
 */
public final class Forecaster {
    public static final int MAX_HISTORY = 182;
    public static final int MAX_ORIGINS = 6;
    public static final int ORIGIN_STEP = 7;
    public static final int MAX_BACKTEST_HORIZON = 14;
    public static final int MAX_HORIZON = 366;
    private static final int PREFERRED_TRAINING = 14;
    private static final int MIN_TRAINING = 3;
    private static final double TIE = 1e-9;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    private static final double Z80 = NORMAL.inverseCumulativeProbability(0.90);
    private static final double Z95 = NORMAL.inverseCumulativeProbability(0.975);
    private static final Forecaster STANDARD = new Forecaster(standardMethods());

    private final List<ForecastMethod> methods;

    /** @param methods the methods to choose from, simplest first; the first is the baseline and must accept any history */
    public Forecaster(List<ForecastMethod> methods) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("at least one method is needed");
        }
        this.methods = List.copyOf(methods);
    }

    /**
     * Seasonal naive (baseline), SES, Croston, SBA, TSB, Holt-Winters and damped Holt-Winters, in that order of
     * simplicity.
     */
    public static List<ForecastMethod> standardMethods() {
        return List.of(new SeasonalNaive(), new SimpleExponentialSmoothing(), Croston.classic(), Croston.sba(),
                new Tsb(), new HoltWinters(false), new HoltWinters(true));
    }

    public static Forecaster standard() {
        return STANDARD;
    }

    /** {@link #predict} with the standard methods and an unknown weekday. */
    public static Forecast forecast(double[] history, int horizon) {
        return STANDARD.predict(history, null, horizon);
    }

    /** {@link #predict} with the standard methods. */
    public static Forecast forecast(double[] history, DayOfWeek firstDay, int horizon) {
        return STANDARD.predict(history, firstDay, horizon);
    }

    /**
     * Forecasts the {@code horizon} days after {@code history}.
     *
     * @param history units sold per calendar day, oldest first, zeros included; may be empty
     * @param firstDay the weekday of {@code history[0]}, or null when unknown
     * @param horizon days to forecast, 1 to {@value #MAX_HORIZON}
     */
    public Forecast predict(double[] history, DayOfWeek firstDay, int horizon) {
        if (horizon < 1 || horizon > MAX_HORIZON) {
            throw new IllegalArgumentException("horizon must be between 1 and " + MAX_HORIZON);
        }
        double[] y = prepare(history);
        DayOfWeek start = firstDay == null ? null : firstDay.plus(history.length % 7);
        DemandClass demandClass = DemandClass.of(y);
        if (demandClass == DemandClass.NO_DEMAND) {
            double[] zero = new double[horizon];
            return new Forecast(Forecast.NONE, demandClass, Candidate.Metric.MASE, 0, 0, List.of(), 0, start, 0, zero,
                    zero, zero, zero, zero);
        }
        Candidate.Metric metric = Candidate.Metric.forClass(demandClass);
        ForecastMethod baseline = methods.get(0);
        int[] origins = origins(y.length, horizon);
        ForecastMethod chosen = baseline;
        Candidate chosenScore = new Candidate(baseline.name(), 1, 1);
        Candidate baselineScore = chosenScore;
        List<Candidate> candidates = new ArrayList<>();
        if (origins.length == 0) {
            candidates.add(baselineScore);
        } else {
            int evalHorizon = Math.min(Math.min(horizon, MAX_BACKTEST_HORIZON), y.length - origins[0]);
            double best = Double.POSITIVE_INFINITY;
            for (ForecastMethod method : methods) {
                Candidate c = score(method, y, origins, evalHorizon, method == baseline);
                if (c == null) {
                    continue;
                }
                candidates.add(c);
                if (method == baseline) {
                    baselineScore = c;
                }
                if (c.score(metric) < best - TIE) {
                    best = c.score(metric);
                    chosen = method;
                    chosenScore = c;
                }
            }
        }
        Fit fit = fitted(chosen, y);
        if (fit == null) {
            chosen = baseline;
            chosenScore = baselineScore;
            fit = baseline.fit(y);
        }
        return build(chosen.name(), demandClass, metric, chosenScore.mase(), baselineScore.mase(), candidates,
                origins.length, start, fit, horizon);
    }

    private static double[] prepare(double[] history) {
        int from = Math.max(0, history.length - MAX_HISTORY);
        double[] y = Arrays.copyOfRange(history, from, history.length);
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("history must be finite, day " + (from + i) + " is " + y[i]);
            }
            y[i] = Math.max(0, y[i]);
        }
        return y;
    }

    /** Backtest origins (training lengths), latest first; empty when the history is too short. */
    static int[] origins(int n, int horizon) {
        int latest = n - Math.min(horizon, MAX_BACKTEST_HORIZON);
        int minTraining = latest >= PREFERRED_TRAINING ? PREFERRED_TRAINING : MIN_TRAINING;
        latest = Math.max(latest, minTraining);
        if (latest > n - 1) {
            return new int[0];
        }
        int[] origins = new int[MAX_ORIGINS];
        int k = 0;
        for (int o = latest; o >= minTraining && k < MAX_ORIGINS; o -= ORIGIN_STEP) {
            origins[k++] = o;
        }
        return Arrays.copyOf(origins, k);
    }

    /**
     * Mean scores over the origins, parameters being estimated once on the history before the earliest origin and kept
     * for the later ones (no data after an origin is used for its forecast); null when the method is not applicable
     * everywhere or fails.
     */
    private static Candidate score(ForecastMethod method, double[] y, int[] origins, int evalHorizon,
                                   boolean baseline) {
        if (!baseline && !method.applicable(y)) {
            return null;
        }
        double mase = 0;
        double rmsse = 0;
        Fit estimated = null;
        for (int k = origins.length - 1; k >= 0; k--) {
            int o = origins[k];
            double[] train = Arrays.copyOf(y, o);
            if (!baseline && !method.applicable(train)) {
                return null;
            }
            double[] f;
            try {
                Fit fit = estimated == null ? method.fit(train) : estimated.withHistory(train);
                if (estimated == null) {
                    estimated = fit;
                }
                f = fit.forecast(evalHorizon);
            } catch (RuntimeException e) {
                return null;
            }
            for (int i = 0; i < evalHorizon; i++) {
                if (!Double.isFinite(f[i])) {
                    return null;
                }
                f[i] = Math.max(0, f[i]);
            }
            double[] actual = Arrays.copyOfRange(y, o, o + evalHorizon);
            mase += Accuracy.mase(train, actual, f);
            rmsse += Accuracy.rmsse(train, actual, f);
        }
        return new Candidate(method.name(), mase / origins.length, rmsse / origins.length);
    }

    private static Fit fitted(ForecastMethod method, double[] y) {
        try {
            Fit fit = method.fit(y);
            for (double v : fit.forecast(1)) {
                if (!Double.isFinite(v)) {
                    return null;
                }
            }
            return Double.isFinite(fit.sigma()) ? fit : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Forecast build(String method, DemandClass demandClass, Candidate.Metric metric, double mase,
                                  double baselineMase, List<Candidate> candidates, int origins, DayOfWeek start,
                                  Fit fit, int h) {
        double[] raw = fit.forecast(h);
        double[] sd = fit.sd(h);
        double[] mean = new double[h];
        double[] lo80 = new double[h];
        double[] hi80 = new double[h];
        double[] lo95 = new double[h];
        double[] hi95 = new double[h];
        for (int i = 0; i < h; i++) {
            double m = Math.max(0, raw[i]);
            double s = Double.isFinite(sd[i]) ? Math.max(0, sd[i]) : 0;
            mean[i] = m;
            lo80[i] = Math.max(0, m - Z80 * s);
            hi80[i] = m + Z80 * s;
            lo95[i] = Math.max(0, m - Z95 * s);
            hi95[i] = m + Z95 * s;
        }
        return new Forecast(method, demandClass, metric, mase, baselineMase, candidates, origins, start, fit.sigma(),
                mean, lo80, hi80, lo95, hi95);
    }
}

package dev.kirana.reporting.forecast.anomaly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Flags actors whose rate (e.g. a cashier's voided or refunded bills per bill) is far above the shop's norm, by the
 * modified z-score of Iglewicz and Hoaglin:
 *
 * <pre>
 * z = 0.6745 * (rate - median) / MAD,   MAD = median(|rate - median|)
 * </pre>
 *
 * <p>taken over the actors with at least {@code minTotal} events (those with fewer are neither flagged nor part of the
 * norm). When MAD is 0 (most actors have the same rate) the mean absolute deviation is used instead, {@code z = (rate
 * - median) / (1.2533 * meanAD)}; when that is 0 too nobody stands out. At least three qualifying actors are needed
 * for a norm. Only rates above the norm are flagged.
 */
public final class RateOutliers {
    public static final double DEFAULT_THRESHOLD = 3.5;
    public static final long DEFAULT_MIN_TOTAL = 20;
    private static final int MIN_ACTORS = 3;

    private RateOutliers() {
    }

    /**
     * One actor's counts.
     *
     * @param events the counted events (e.g. voids)
     * @param total what they are counted out of (e.g. bills), at least {@code events}
     */
    public record Rate(long events, long total) {
        public Rate {
            if (events < 0 || total < events) {
                throw new IllegalArgumentException("need 0 <= events <= total");
            }
        }

        public double ratio() {
            return total == 0 ? 0 : (double) events / total;
        }
    }

    /** A flagged actor, its rate, the shop's median rate and the robust z-score. */
    public record Outlier<K>(K actor, Rate rate, double ratio, double median, double robustZ) {
    }

    /** {@link #flag(Map, double, long)} with a threshold of 3.5 and at least 20 events out of which the rate is taken. */
    public static <K> List<Outlier<K>> flag(Map<K, Rate> rates) {
        return flag(rates, DEFAULT_THRESHOLD, DEFAULT_MIN_TOTAL);
    }

    /** Actors with a robust z-score above {@code threshold}, highest first. */
    public static <K> List<Outlier<K>> flag(Map<K, Rate> rates, double threshold, long minTotal) {
        List<Map.Entry<K, Rate>> eligible = new ArrayList<>();
        for (Map.Entry<K, Rate> e : rates.entrySet()) {
            if (e.getValue().total() >= Math.max(1, minTotal)) {
                eligible.add(e);
            }
        }
        if (eligible.size() < MIN_ACTORS) {
            return List.of();
        }
        double[] r = eligible.stream().mapToDouble(e -> e.getValue().ratio()).toArray();
        double median = median(r);
        double[] dev = Arrays.stream(r).map(v -> Math.abs(v - median)).toArray();
        double mad = median(dev);
        double scale;
        if (mad > 0) {
            scale = mad / 0.6745;
        } else {
            double meanAd = Arrays.stream(dev).average().orElse(0);
            scale = 1.2533 * meanAd;
        }
        if (!(scale > 0)) {
            return List.of();
        }
        List<Outlier<K>> out = new ArrayList<>();
        for (Map.Entry<K, Rate> e : eligible) {
            double ratio = e.getValue().ratio();
            double z = (ratio - median) / scale;
            if (z > threshold) {
                out.add(new Outlier<>(e.getKey(), e.getValue(), ratio, median, z));
            }
        }
        out.sort(Comparator.comparingDouble((Outlier<K> o) -> o.robustZ()).reversed());
        return out;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}

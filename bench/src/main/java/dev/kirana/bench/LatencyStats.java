package dev.kirana.bench;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency histogram (recorded in microseconds), in milliseconds.
 *
 * @param count how many values were recorded
 */
public record LatencyStats(long count, double mean, double p50, double p90, double p95, double p99, double p999, double max) {

    public static final LatencyStats EMPTY = new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN);

    /** A histogram wide enough for anything a phase can see: 1 µs to 10 minutes, 3 significant digits. */
    static Histogram newHistogram() {
        return new Histogram(600_000_000L, 3);
    }

    static LatencyStats of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencyStats(h.getTotalCount(), h.getMean() / 1000.0, ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(95)), ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)),
                ms(h.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    boolean isEmpty() {
        return count == 0;
    }
}

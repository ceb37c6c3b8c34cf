package dev.kirana.bench;

import java.util.SplittableRandom;

/**
 * When the requests of an open-model phase are meant to be sent: offsets from the phase start, in
 * nanoseconds, independent of how fast the system answers. Latency is measured from these intended
 * times, so a stalled system is charged for every request it made wait (no coordinated omission).
 */
public interface ArrivalSchedule {

    /** Offset of the next arrival from the start of the phase, in nanoseconds; never decreasing. */
    long nextOffsetNanos();

    /** A constant interval: the i-th request (from 0) at {@code i / rate} seconds. */
    static ArrivalSchedule constant(double ratePerSecond) {
        check(ratePerSecond);
        double interval = 1e9 / ratePerSecond;
        return new ArrivalSchedule() {
            private long i;

            @Override
            public long nextOffsetNanos() {
                // computed from the index, not accumulated, so rounding never drifts
                return Math.round(i++ * interval);
            }
        };
    }

    /** A Poisson process: exponentially distributed gaps with mean {@code 1 / rate}. */
    static ArrivalSchedule poisson(double ratePerSecond, long seed) {
        check(ratePerSecond);
        double mean = 1e9 / ratePerSecond;
        SplittableRandom random = new SplittableRandom(seed);
        return new ArrivalSchedule() {
            private double t;
            private boolean first = true;

            @Override
            public long nextOffsetNanos() {
                if (first) {
                    first = false;
                    return 0;
                }
                // 1 - nextDouble() is in (0, 1], so the log is finite
                t += -Math.log(1.0 - random.nextDouble()) * mean;
                return Math.round(t);
            }
        };
    }

    private static void check(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be positive: " + rate);
        }
    }
}

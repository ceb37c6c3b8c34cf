package dev.kirana.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test sets and moves: the service's "now" and "today" stay still while a test runs (no test fails because
 * midnight passed between two of its steps), and a test can put the shop just before midnight and step across it.
 */
public final class TestClock extends Clock {
    private final AtomicReference<Instant> now;
    private final Instant start;
    private final ZoneId zone;

    private TestClock(AtomicReference<Instant> now, Instant start, ZoneId zone) {
        this.now = now;
        this.start = start;
        this.zone = zone;
    }

    /** Stopped at {@code start} in {@code zone} until a test moves it. */
    public static TestClock at(Instant start, ZoneId zone) {
        return new TestClock(new AtomicReference<>(start), start, zone);
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public void advance(Duration by) {
        now.updateAndGet(i -> i.plus(by));
    }

    /** Back to where it started, for the next test. */
    public void reset() {
        now.set(start);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving instant seen from another zone. */
    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(now, start, other);
    }
}

package dev.kirana.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Collects the outcomes of one phase. Thread-safe: responses complete on the HTTP client's threads
 * while the scheduler thread counts drops. Every latency is recorded in microseconds.
 */
final class PhaseRecorder {
    private static final java.util.regex.Pattern UUIDS =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private final PhaseSpec spec;
    private final long originNanos;
    private final Histogram confirmed = LatencyStats.newHistogram();
    private final Histogram finals = LatencyStats.newHistogram();
    private final Histogram service = LatencyStats.newHistogram();
    private final Histogram accepted = LatencyStats.newHistogram();
    private final Histogram serverPlaced = LatencyStats.newHistogram();
    private final Histogram sendLag = LatencyStats.newHistogram();
    private final Map<Outcome.Kind, Long> outcomes = new TreeMap<>();
    private final Map<String, Long> errors = new TreeMap<>();
    private final TreeMap<Long, Bucket> timeline = new TreeMap<>();
    private long dropped;
    private long scheduled;
    private long serviceMicrosTotal;
    private long abortedAt = -1;
    /** Slices of the phase (the soak's per-minute latency), by intended send time; 0: not sliced. */
    private final long sliceNanos;
    private final int timelineSeconds;
    private long phaseStartNanos = Long.MIN_VALUE;
    private final TreeMap<Long, Bucket> slices = new TreeMap<>();

    /** One second of the latency-over-time chart (by intended send time). */
    static final class Bucket {
        final Histogram latency = new Histogram(600_000_000L, 2);
        long confirmed;
        long errors;
        long dropped;
    }

    /**
     * @param spec        what the phase is
     * @param originNanos start of the whole run: the timeline's zero
     */
    PhaseRecorder(PhaseSpec spec, long originNanos) {
        this(spec, originNanos, 0, 1);
    }

    /**
     * @param sliceNanos      length of one latency slice (intended send time from the phase's start); 0: none
     * @param timelineSeconds width of one point of the latency-over-time chart: 1, or more for a long phase
     *                        (a soak of hours), whose per-second histograms would fill the heap; counts stay per second
     */
    PhaseRecorder(PhaseSpec spec, long originNanos, long sliceNanos, int timelineSeconds) {
        this.spec = spec;
        this.originNanos = originNanos;
        this.sliceNanos = sliceNanos;
        this.timelineSeconds = Math.max(1, timelineSeconds);
    }

    /** The phase's first intended send time: slices count from here. */
    synchronized void started(long startNanos) {
        phaseStartNanos = startNanos;
    }

    synchronized void scheduled() {
        scheduled++;
    }

    /** The phase stopped sending at this intended time (ramp step aborted: the suite is overloaded). */
    synchronized void aborted(long intendedNanos) {
        if (abortedAt < 0) {
            abortedAt = Math.max(0, intendedNanos - originNanos);
        }
    }

    synchronized void dropped(long intendedNanos) {
        dropped++;
        bucket(intendedNanos).dropped++;
        Bucket slice = slice(intendedNanos);
        if (slice != null) {
            slice.dropped++;
        }
    }

    synchronized void record(long intendedNanos, Outcome o) {
        outcomes.merge(o.kind(), 1L, Long::sum);
        Bucket b = bucket(intendedNanos);
        Bucket slice = slice(intendedNanos);
        if (o.sentNanos() != Outcome.NONE) {
            sendLag.recordValue(micros(Math.max(0, o.sentNanos() - intendedNanos)));
        }
        if (o.kind().isFinal()) {
            long total = micros(o.finishedNanos() - intendedNanos);
            finals.recordValue(total);
            b.latency.recordValue(Math.min(total, b.latency.getHighestTrackableValue()));
            if (o.sentNanos() != Outcome.NONE) {
                long s = micros(o.finishedNanos() - o.sentNanos());
                service.recordValue(s);
                serviceMicrosTotal += s;
            }
            if (o.kind() == Outcome.Kind.CONFIRMED) {
                confirmed.recordValue(total);
                b.confirmed++;
                if (slice != null) {
                    slice.latency.recordValue(Math.min(total, slice.latency.getHighestTrackableValue()));
                    slice.confirmed++;
                }
                if (o.serverPlacedToFinalMicros() >= 0) {
                    serverPlaced.recordValue(Math.min(o.serverPlacedToFinalMicros(), serverPlaced.getHighestTrackableValue()));
                }
            }
            if (o.acceptedNanos() != Outcome.NONE) {
                accepted.recordValue(micros(o.acceptedNanos() - intendedNanos));
            }
        } else {
            b.errors++;
            if (slice != null) {
                slice.errors++;
            }
            String detail = o.detail() == null ? "" : UUIDS.matcher(o.detail()).replaceAll("<id>");
            String key = o.kind() + (o.httpStatus() > 0 ? " " + o.httpStatus() : "")
                    + (detail.isBlank() ? "" : ": " + detail);
            errors.merge(key.length() > 140 ? key.substring(0, 140) + "…" : key, 1L, Long::sum);
        }
    }

    private Bucket bucket(long intendedNanos) {
        long second = Math.max(0, (intendedNanos - originNanos) / 1_000_000_000L);
        return timeline.computeIfAbsent(second - second % timelineSeconds, s -> new Bucket());
    }

    /** A point's count per second of its width (rounded; 1 of a few stays visible). */
    private long perSecond(long count) {
        return count == 0 ? 0 : Math.max(1, Math.round((double) count / timelineSeconds));
    }

    private Bucket slice(long intendedNanos) {
        if (sliceNanos <= 0 || phaseStartNanos == Long.MIN_VALUE) {
            return null;
        }
        long index = Math.max(0, (intendedNanos - phaseStartNanos) / sliceNanos);
        return slices.computeIfAbsent(index, i -> new Bucket());
    }

    /**
     * The latency slices so far (confirmed orders only, like the phase's percentiles), each
     * {@code sliceNanos} long except the last, which ends at {@code windowSeconds}.
     */
    synchronized List<Soak.Slice> slices(double windowSeconds) {
        List<Soak.Slice> out = new ArrayList<>();
        double length = sliceNanos / 1e9;
        slices.forEach((index, b) -> {
            double from = index * length;
            double seconds = Math.max(0, Math.min(length, windowSeconds - from));
            boolean empty = b.latency.getTotalCount() == 0;
            out.add(new Soak.Slice(index.intValue(), from, seconds, b.confirmed, b.errors, b.dropped,
                    empty ? Double.NaN : b.latency.getValueAtPercentile(50) / 1000.0,
                    empty ? Double.NaN : b.latency.getValueAtPercentile(99) / 1000.0,
                    empty ? Double.NaN : b.latency.getMaxValue() / 1000.0));
        });
        return out;
    }

    private static long micros(long nanos) {
        return Math.max(0, Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), 600_000_000L));
    }

    /**
     * @param windowSeconds the phase's planned length (the open-model window, or the closed loop's run time)
     * @param unfinished    requests still outstanding when the phase gave up waiting (counted as timeouts)
     */
    synchronized PhaseResult finish(double windowSeconds, long unfinished, Map<String, CpuSampler.Usage> cpu,
                                    double startSeconds, double endSeconds) {
        Map<Outcome.Kind, Long> counts = new TreeMap<>(outcomes);
        if (unfinished > 0) {
            counts.merge(Outcome.Kind.TIMEOUT, unfinished, Long::sum);
            errors.merge("TIMEOUT: still outstanding when the phase ended", unfinished, Long::sum);
        }
        List<PhaseResult.Point> points = new ArrayList<>();
        timeline.forEach((second, b) -> points.add(new PhaseResult.Point(second,
                b.latency.getTotalCount() == 0 ? Double.NaN : b.latency.getValueAtPercentile(50) / 1000.0,
                b.latency.getTotalCount() == 0 ? Double.NaN : b.latency.getValueAtPercentile(99) / 1000.0,
                b.latency.getTotalCount() == 0 ? Double.NaN : b.latency.getMaxValue() / 1000.0,
                perSecond(b.confirmed), perSecond(b.errors), perSecond(b.dropped))));
        return new PhaseResult(spec, windowSeconds, scheduled, dropped, counts, new TreeMap<>(errors),
                LatencyStats.of(confirmed), LatencyStats.of(finals), LatencyStats.of(service),
                LatencyStats.of(accepted), LatencyStats.of(serverPlaced), LatencyStats.of(sendLag),
                windowSeconds > 0 ? serviceMicrosTotal / 1e6 / windowSeconds : 0, cpu, points, startSeconds, endSeconds,
                abortedAt < 0 ? -1 : abortedAt / 1e9);
    }
}

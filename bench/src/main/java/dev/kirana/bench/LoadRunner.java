package dev.kirana.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * The open-model load generator: one scheduler thread sends requests at their intended times
 * (from an {@link ArrivalSchedule}) whatever the system does, never waiting for answers. If
 * {@code maxInFlight} requests are outstanding, an arrival is dropped and counted instead of
 * queued. Each outcome is recorded against its intended time.
 */
final class LoadRunner {
    private final long originNanos;
    private final CpuSampler cpu;
    private final int maxInFlight;
    private final Duration drainTimeout;

    LoadRunner(long originNanos, CpuSampler cpu, int maxInFlight, Duration drainTimeout) {
        this.originNanos = originNanos;
        this.cpu = cpu;
        this.maxInFlight = maxInFlight;
        this.drainTimeout = drainTimeout;
    }

    /**
     * A closed loop of {@code spec.concurrency()} clients, each sending its next request as soon as
     * the previous one ended: it can never overload the suite (at most that many requests are in
     * flight), so it warms a cold suite up at whatever rate it manages and measures that rate.
     */
    PhaseResult closedLoop(PhaseSpec spec, Duration window, LongFunction<CompletableFuture<Outcome>> send) {
        PhaseRecorder recorder = new PhaseRecorder(spec, originNanos);
        long start = System.nanoTime();
        long end = start + window.toNanos();
        CpuSampler.Snapshot before = cpu.sample();
        List<Thread> clients = new java.util.ArrayList<>();
        for (int c = 0; c < spec.concurrency(); c++) {
            Thread t = new Thread(() -> {
                long timeout = drainTimeout.toNanos() + window.toNanos();
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    recorder.scheduled();
                    Outcome o;
                    try {
                        o = send.apply(sent).get(timeout, TimeUnit.NANOSECONDS);
                    } catch (Exception e) {
                        o = Outcome.failure(Outcome.Kind.IO_ERROR, 0, sent, System.nanoTime(), e.toString());
                    }
                    recorder.record(sent, o);
                    if (o.kind().isError()) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // no hot loop on a failing suite
                    }
                }
            }, "bench-closed-loop-" + c);
            t.setDaemon(true);
            clients.add(t);
            t.start();
        }
        for (Thread t : clients) {
            try {
                t.join(window.toMillis() + drainTimeout.toMillis() + 5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        CpuSampler.Snapshot after = cpu.sample();
        double seconds = (Math.max(end, System.nanoTime()) - start) / 1e9;
        return recorder.finish(window.toNanos() / 1e9, 0, cpu.delta(before, after), (start - originNanos) / 1e9,
                (start - originNanos) / 1e9 + seconds);
    }

    /**
     * Runs one open-model phase for {@code window}, arrivals by {@code schedule}; {@code send} sends
     * one request meant for the given intended time (System.nanoTime) and completes with its
     * outcome, and must not block. With {@code abortAbove > 0} the phase stops sending once more
     * than that many requests are in flight
     * (a ramp step that clearly overloads the suite ends early instead of piling up a backlog of
     * orders that would all time out); the arrivals not sent are counted as dropped.
     */
    PhaseResult run(PhaseSpec spec, Duration window, ArrivalSchedule schedule, int abortAbove,
                    LongFunction<CompletableFuture<Outcome>> send) {
        return run(new PhaseRecorder(spec, originNanos), window, schedule, abortAbove, send);
    }

    /**
     * A recorder for a long phase of this run whose latency is also cut into slices of {@code slice};
     * its chart has at most about 1,200 points.
     */
    PhaseRecorder slicedRecorder(PhaseSpec spec, Duration window, Duration slice) {
        int timeline = (int) Math.max(1, (window.toSeconds() + 1199) / 1200);
        return new PhaseRecorder(spec, originNanos, slice.toNanos(), timeline);
    }

    /** {@link #run(PhaseSpec, Duration, ArrivalSchedule, int, LongFunction)} into the given recorder. */
    PhaseResult run(PhaseRecorder recorder, Duration window, ArrivalSchedule schedule, int abortAbove,
                    LongFunction<CompletableFuture<Outcome>> send) {
        AtomicInteger inFlight = new AtomicInteger();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
        recorder.started(start);
        long end = start + window.toNanos();
        CpuSampler.Snapshot before = cpu.sample();
        boolean aborted = false;
        while (true) {
            long intended = start + schedule.nextOffsetNanos();
            if (intended >= end) {
                break;
            }
            if (aborted) {
                // the rest of the step's arrivals: not sent, counted as dropped
                recorder.scheduled();
                recorder.dropped(intended);
                continue;
            }
            if (abortAbove > 0 && inFlight.get() > abortAbove) {
                aborted = true;
                recorder.aborted(intended);
            }
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            recorder.scheduled();
            if (inFlight.get() >= maxInFlight) {
                recorder.dropped(intended);
                continue;
            }
            inFlight.incrementAndGet();
            CompletableFuture<Outcome> f;
            try {
                f = send.apply(intended);
            } catch (RuntimeException e) {
                f = CompletableFuture.completedFuture(Outcome.failure(Outcome.Kind.IO_ERROR, 0, System.nanoTime(),
                        System.nanoTime(), e.toString()));
            }
            f.whenComplete((o, e) -> {
                try {
                    recorder.record(intended, o != null ? o : Outcome.failure(Outcome.Kind.IO_ERROR, 0, Outcome.NONE,
                            System.nanoTime(), String.valueOf(e)));
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
        long wait = Math.max(0, end - System.nanoTime());
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        CpuSampler.Snapshot after = cpu.sample();
        long drainUntil = System.nanoTime() + drainTimeout.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        double windowSeconds = window.toNanos() / 1e9;
        return recorder.finish(windowSeconds, inFlight.get(), cpu.delta(before, after),
                (start - originNanos) / 1e9, (System.nanoTime() - originNanos) / 1e9);
    }
}

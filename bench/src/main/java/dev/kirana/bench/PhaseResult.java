package dev.kirana.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything one phase measured.
 *
 * @param windowSeconds   the phase's planned length: rates are counts divided by it
 * @param scheduled       arrivals of the open model (requests meant to be sent), or transactions started (SQL)
 * @param dropped         arrivals not sent because {@code --max-in-flight} requests were outstanding
 * @param outcomes        how the sent requests ended
 * @param errors          failures by kind, status and message
 * @param confirmed       intended send time → CONFIRMED known (placement latency incl. coordinated omission)
 * @param finals          the same for every final state (CONFIRMED, REJECTED, CANCELLED)
 * @param service         actual send → final state (what a closed-loop client would see)
 * @param accepted        intended send → 202 PENDING (the 202 + poll variant)
 * @param serverPlaced    the order's own placedAt → confirmedAt (server clock)
 * @param sendLag         how late the load generator sent requests after their intended time
 * @param meanConcurrency mean requests outstanding (Little's law: total service time / window)
 * @param cpu             CPU per process over the phase
 * @param timeline        per second (by intended send time): latency percentiles and counts
 * @param startSeconds    phase start, seconds since the run started
 * @param endSeconds      phase end (after draining), seconds since the run started
 * @param abortedAtSeconds when a ramp step stopped sending because too many requests were in flight
 *                        (seconds since the run started), -1 if it ran to the end
 */
public record PhaseResult(PhaseSpec spec, double windowSeconds, long scheduled, long dropped,
                          Map<Outcome.Kind, Long> outcomes, Map<String, Long> errors,
                          LatencyStats confirmed, LatencyStats finals, LatencyStats service, LatencyStats accepted,
                          LatencyStats serverPlaced, LatencyStats sendLag, double meanConcurrency,
                          Map<String, CpuSampler.Usage> cpu, List<Point> timeline,
                          double startSeconds, double endSeconds, double abortedAtSeconds) {

    /** One second of the latency-over-time chart (milliseconds; NaN when nothing completed). */
    public record Point(long second, double p50, double p99, double max, long confirmed, long errors, long dropped) {
    }

    long count(Outcome.Kind kind) {
        return outcomes.getOrDefault(kind, 0L);
    }

    long confirmedCount() {
        return count(Outcome.Kind.CONFIRMED);
    }

    long rejectedCount() {
        return count(Outcome.Kind.REJECTED) + count(Outcome.Kind.OTHER_FINAL);
    }

    /** Requests that did not end in a final state: HTTP errors, I/O errors, timeouts, still PENDING. */
    long errorCount() {
        return outcomes.entrySet().stream().filter(e -> e.getKey().isError()).mapToLong(Map.Entry::getValue).sum();
    }

    double confirmedPerSecond() {
        return windowSeconds > 0 ? confirmedCount() / windowSeconds : 0;
    }

    double offeredPerSecond() {
        return windowSeconds > 0 ? scheduled / windowSeconds : 0;
    }

    /** Errors plus drops as a share of the arrivals. */
    double failureShare() {
        return scheduled == 0 ? 0 : (double) (errorCount() + dropped) / scheduled;
    }

    /** CPU milliseconds one confirmed order cost in the named process (NaN without CPU data or orders). */
    double cpuMillisPerOrder(String process) {
        CpuSampler.Usage u = cpu.get(process);
        long n = confirmedCount();
        return u == null || n == 0 ? Double.NaN : u.cpuSeconds() * 1000.0 / n;
    }

    /** CPU milliseconds per confirmed order summed over the suite's own processes (not the bench, not others). */
    double suiteCpuMillisPerOrder() {
        long n = confirmedCount();
        if (n == 0 || cpu.isEmpty()) {
            return Double.NaN;
        }
        double seconds = cpu.entrySet().stream().filter(e -> CpuSampler.isSuiteProcess(e.getKey()))
                .mapToDouble(e -> e.getValue().cpuSeconds()).sum();
        return seconds * 1000.0 / n;
    }
}

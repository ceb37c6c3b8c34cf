package dev.kirana.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PhaseRecorderTest {
    static final long MS = 1_000_000L;
    static final long S = 1_000_000_000L;

    static PhaseSpec spec(double rate) {
        return new PhaseSpec("gateway-many", PhaseSpec.Kind.MEASURED, PhaseSpec.GATEWAY, "many", PhaseSpec.WAIT, rate, 0);
    }

    static Outcome confirmed(long intended, long sendLagMs, long serviceMs) {
        long sent = intended + sendLagMs * MS;
        return new Outcome(Outcome.Kind.CONFIRMED, 201, sent, Outcome.NONE, sent + serviceMs * MS, serviceMs * 1000 / 2, null);
    }

    @Test
    void latencyIsMeasuredFromTheIntendedSendTimeSoAStallIsChargedToEveryWaitingRequest() {
        PhaseRecorder r = new PhaseRecorder(spec(100), 0);
        long start = 10 * S;
        // 100 requests, one every 10 ms; the system stalls for 500 ms at the start: the load generator
        // could only send the first 50 late, each of them answered in 1 ms once sent
        for (int i = 0; i < 100; i++) {
            long intended = start + i * 10 * MS;
            long lag = Math.max(0, 500 - i * 10);
            r.scheduled();
            r.record(intended, confirmed(intended, lag, 1));
        }
        PhaseResult p = r.finish(1.0, 0, Map.of(), 10, 11);
        assertThat(p.confirmedCount()).isEqualTo(100);
        assertThat(p.confirmedPerSecond()).isEqualTo(100.0);
        // a closed-loop view (service time) sees 1 ms everywhere ...
        assertThat(p.service().p99()).isCloseTo(1.0, within(0.01));
        // ... the open-model view sees the stall: half of the requests waited, the first one 501 ms
        assertThat(p.confirmed().max()).isCloseTo(501.0, within(1.0));
        assertThat(p.confirmed().p50()).isCloseTo(1.0, within(0.01));
        assertThat(p.confirmed().p90()).isCloseTo(401.0, within(1.0));
        assertThat(p.sendLag().max()).isCloseTo(500.0, within(1.0));
        assertThat(p.serverPlaced().p50()).isCloseTo(0.5, within(0.01));
    }

    @Test
    void dropsAndErrorsAreCountedNotHidden() {
        PhaseRecorder r = new PhaseRecorder(spec(10), 0);
        for (int i = 0; i < 10; i++) {
            r.scheduled();
        }
        for (int i = 0; i < 6; i++) {
            r.record(i * 100 * MS, confirmed(i * 100 * MS, 0, 5));
        }
        r.record(600 * MS, Outcome.failure(Outcome.Kind.HTTP_ERROR, 503, 600 * MS, 601 * MS,
                "order 123e4567-e89b-12d3-a456-426614174000 unavailable"));
        r.record(700 * MS, new Outcome(Outcome.Kind.REJECTED, 201, 700 * MS, Outcome.NONE, 710 * MS, 10_000, null));
        r.dropped(800 * MS);
        PhaseResult p = r.finish(1.0, 1, Map.of(), 0, 1);
        assertThat(p.scheduled()).isEqualTo(10);
        assertThat(p.dropped()).isEqualTo(1);
        assertThat(p.rejectedCount()).isEqualTo(1);
        // one HTTP error plus one request still outstanding at the end
        assertThat(p.errorCount()).isEqualTo(2);
        assertThat(p.failureShare()).isCloseTo(0.3, within(1e-9));
        assertThat(p.errors()).containsEntry("HTTP_ERROR 503: order <id> unavailable", 1L)
                .containsKey("TIMEOUT: still outstanding when the phase ended");
        // only confirmed orders are in the placement latency; rejected ones are in "finals"
        assertThat(p.confirmed().count()).isEqualTo(6);
        assertThat(p.finals().count()).isEqualTo(7);
    }

    @Test
    void meanConcurrencyFollowsLittlesLaw() {
        PhaseRecorder r = new PhaseRecorder(spec(200), 0);
        // 200 requests in 1 s, each taking 50 ms: on average 10 in flight
        for (int i = 0; i < 200; i++) {
            long intended = i * 5 * MS;
            r.scheduled();
            r.record(intended, confirmed(intended, 0, 50));
        }
        PhaseResult p = r.finish(1.0, 0, Map.of(), 0, 1);
        assertThat(p.meanConcurrency()).isCloseTo(10.0, within(0.01));
    }

    @Test
    void theTimelineHasOneBucketPerSecondOfIntendedSendTime() {
        PhaseRecorder r = new PhaseRecorder(spec(10), 100 * S);
        r.record(101 * S + 5 * MS, confirmed(101 * S + 5 * MS, 0, 3));
        r.record(101 * S + 900 * MS, confirmed(101 * S + 900 * MS, 0, 7));
        r.record(103 * S, confirmed(103 * S, 0, 20));
        r.dropped(103 * S + MS);
        PhaseResult p = r.finish(3.0, 0, Map.of(), 1, 4);
        assertThat(p.timeline()).extracting(PhaseResult.Point::second).containsExactly(1L, 3L);
        PhaseResult.Point first = p.timeline().get(0);
        assertThat(first.confirmed()).isEqualTo(2);
        assertThat(first.max()).isCloseTo(7.0, within(0.1));
        assertThat(p.timeline().get(1).dropped()).isEqualTo(1);
    }

    @Test
    void cpuPerOrderIsCpuSecondsOverConfirmedOrders() {
        PhaseRecorder r = new PhaseRecorder(spec(100), 0);
        for (int i = 0; i < 100; i++) {
            r.record(i * 10 * MS, confirmed(i * 10 * MS, 0, 1));
        }
        PhaseResult p = r.finish(1.0, 0, Map.of(
                "gateway", new CpuSampler.Usage(0.3, 0.3),
                "order-service", new CpuSampler.Usage(0.5, 0.5),
                CpuSampler.BENCH, new CpuSampler.Usage(0.1, 0.1),
                CpuSampler.OTHER, new CpuSampler.Usage(0.9, 0.9),
                CpuSampler.MACHINE, new CpuSampler.Usage(1.8, 1.8)), 0, 1);
        assertThat(p.cpuMillisPerOrder("gateway")).isCloseTo(3.0, within(1e-9));
        // the suite's own processes only: not the load generator, not other builds
        assertThat(p.suiteCpuMillisPerOrder()).isCloseTo(8.0, within(1e-9));
    }
}

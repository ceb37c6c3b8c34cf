package dev.kirana.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakTest {
    static final long MIB = 1024L * 1024L;
    static final long SECOND = 1_000_000_000L;

    @Test
    void residentMemoryIsReadFromProcStatus() {
        String status = "Name:\tjava\nVmPeak:\t 3000000 kB\nVmRSS:\t  524288 kB\nThreads:\t42\n";
        // 524288 kB × 1024 = 536870912 bytes = 512 MiB
        assertThat(Soak.vmRssBytes(status)).isEqualTo(536_870_912L);
        assertThat(Soak.vmRssBytes("Name:\tkthreadd\nThreads:\t1\n")).isEqualTo(-1);
    }

    @Test
    void heapIsTheSumOfTheHeapPoolsInPrometheusText() {
        String text = """
                # HELP jvm_memory_used_bytes The amount of used memory
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{application="order-service",area="heap",id="G1 Eden Space"} 4.194304E7
                jvm_memory_used_bytes{application="order-service",area="heap",id="G1 Old Gen"} 1.048576E8
                jvm_memory_used_bytes{application="order-service",area="heap",id="G1 Survivor Space"} 2097152.0
                jvm_memory_used_bytes{application="order-service",area="nonheap",id="Metaspace"} 9.0E7
                jvm_memory_max_bytes{application="order-service",area="heap",id="G1 Old Gen"} 5.0E8
                """;
        // 40 MiB eden + 100 MiB old + 2 MiB survivor = 142 MiB = 148897792 bytes; metaspace and max are not heap in use
        assertThat(Soak.heapUsedBytes(text)).isEqualTo(148_897_792L);
        assertThat(Soak.heapUsedBytes("process_cpu_usage 0.5\n")).isEqualTo(-1);
    }

    @Test
    void memoryComparesTheFirstAndLastSamplesPerProcess() {
        List<Soak.Sample> samples = List.of(
                new Soak.Sample(0, Map.of("gateway", 200 * MIB, "postgres", 30 * MIB), Map.of("gateway", 50 * MIB)),
                new Soak.Sample(10, Map.of("gateway", 260 * MIB, "postgres", 30 * MIB), Map.of("gateway", 90 * MIB)),
                new Soak.Sample(3600, Map.of("gateway", 250 * MIB, "postgres", 31 * MIB), Map.of("gateway", 60 * MIB)));
        List<Soak.Memory> memory = Soak.memory(samples);
        Soak.Memory gateway = memory.stream().filter(m -> m.process().equals("gateway")).findFirst().orElseThrow();
        assertThat(gateway.rssStart()).isEqualTo(200 * MIB);
        assertThat(gateway.rssEnd()).isEqualTo(250 * MIB);
        assertThat(gateway.rssMax()).isEqualTo(260 * MIB);
        assertThat(gateway.rssDelta()).isEqualTo(50 * MIB);
        // +50 MiB over the 3600 s between the first and last sample: 50 MiB per hour
        assertThat(gateway.rssMiBPerHour(3600)).isCloseTo(50.0, within(1e-9));
        assertThat(gateway.heapDelta()).isEqualTo(10 * MIB);
        assertThat(gateway.heapMax()).isEqualTo(90 * MIB);
        Soak.Memory postgres = memory.stream().filter(m -> m.process().equals("postgres")).findFirst().orElseThrow();
        assertThat(postgres.rssDelta()).isEqualTo(MIB);
        assertThat(postgres.heapStart()).isEqualTo(-1);
        assertThat(postgres.heapDelta()).isZero();
    }

    @Test
    void driftIsFirstToLastSliceAndTheP99Slope() {
        List<Soak.Slice> slices = List.of(
                new Soak.Slice(0, 0, 60, 600, 0, 0, 5, 10, 20),
                new Soak.Slice(1, 60, 60, 600, 0, 0, 5, 12, 20),
                new Soak.Slice(2, 120, 60, 600, 0, 0, 6, 14, 20),
                new Soak.Slice(3, 180, 60, 600, 0, 0, 7, 16, 20),
                new Soak.Slice(4, 240, 60, 0, 5, 0, Double.NaN, Double.NaN, Double.NaN));
        Soak.Drift d = Soak.drift(slices);
        // the empty fifth slice is left out: first p99 10 ms, last 16 ms
        assertThat(d.firstP99()).isEqualTo(10);
        assertThat(d.lastP99()).isEqualTo(16);
        assertThat(d.p99Delta()).isEqualTo(6);
        assertThat(d.p50Delta()).isEqualTo(2);
        // p99 rises 2 ms per 60 s slice: 2 / 60 × 3600 = 120 ms per hour
        assertThat(d.p99SlopeMsPerHour()).isCloseTo(120.0, within(1e-9));
        assertThat(Soak.drift(List.of(slices.get(0))).p99SlopeMsPerHour()).isNaN();
        assertThat(Soak.drift(List.of()).firstP99()).isNaN();
    }

    @Test
    void theRecorderCutsTheLatencyIntoSlicesByIntendedSendTime() {
        PhaseSpec spec = new PhaseSpec("soak", PhaseSpec.Kind.SOAK, PhaseSpec.GATEWAY, "many", PhaseSpec.WAIT, 1, 0);
        long origin = 0;
        long start = 10 * SECOND;
        PhaseRecorder r = new PhaseRecorder(spec, origin, 60 * SECOND, 4);
        r.started(start);
        for (int i = 0; i < 120; i++) {
            long t = start + i * SECOND;
            long latency = (i < 60 ? 10 : 30) * 1_000_000L;
            r.scheduled();
            r.record(t, new Outcome(Outcome.Kind.CONFIRMED, 201, t, Outcome.NONE, t + latency, -1, null));
        }
        r.record(start + 5 * SECOND, Outcome.failure(Outcome.Kind.HTTP_ERROR, 503, start + 5 * SECOND, start + 6 * SECOND, "down"));
        r.dropped(start + 70 * SECOND);
        List<Soak.Slice> slices = r.slices(120);
        assertThat(slices).hasSize(2);
        Soak.Slice first = slices.get(0);
        Soak.Slice second = slices.get(1);
        assertThat(first.confirmed()).isEqualTo(60);
        assertThat(first.errors()).isEqualTo(1);
        assertThat(first.dropped()).isZero();
        assertThat(first.confirmedPerSecond()).isEqualTo(1.0);
        assertThat(first.p99()).isCloseTo(10.0, within(0.1));
        assertThat(second.fromSeconds()).isEqualTo(60);
        assertThat(second.dropped()).isEqualTo(1);
        assertThat(second.p50()).isCloseTo(30.0, within(0.3));
        // the chart's points are 4 s wide (from second 10 of the run: 8, 12, ...), their counts still per second:
        // seconds 10 and 11 fall in the point at 8 (2 orders / 4 s, rounded: 1), seconds 12-15 in the one at 12 (4 / 4 s = 1)
        PhaseResult result = r.finish(120, 0, Map.of(), 10, 130);
        assertThat(result.timeline().get(0).second()).isEqualTo(8);
        assertThat(result.timeline().get(1).second()).isEqualTo(12);
        assertThat(result.timeline().get(1).confirmed()).isEqualTo(1);
        assertThat(result.timeline()).hasSize(31);
        // a recorder without slices keeps none
        PhaseRecorder plain = new PhaseRecorder(spec, origin);
        plain.started(start);
        plain.record(start, new Outcome(Outcome.Kind.CONFIRMED, 201, start, Outcome.NONE, start + 1_000_000L, -1, null));
        assertThat(plain.slices(60)).isEmpty();
    }

    @Test
    void theMemoryTableSpreadsItsRowsEvenlyFromFirstToLast() {
        List<Soak.Sample> samples = new java.util.ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            samples.add(new Soak.Sample(i * 10, Map.of("gateway", (long) i), Map.of()));
        }
        // 101 samples, 11 rows: every tenth sample, 0, 10, ..., 100 (at 0 s, 100 s, ..., 1000 s)
        List<Soak.Sample> spread = Soak.spread(samples, 11);
        assertThat(spread).hasSize(11);
        assertThat(spread.stream().map(s -> s.rssBytes().get("gateway")).toList())
                .containsExactly(0L, 10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L);
        assertThat(Soak.spread(samples.subList(0, 5), 11)).hasSize(5);
    }
}

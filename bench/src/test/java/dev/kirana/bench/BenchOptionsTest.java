package dev.kirana.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void quickAndFullHaveTheirOwnDefaults() {
        BenchOptions quick = BenchOptions.parse("--quick");
        assertThat(quick.quick).isTrue();
        assertThat(quick.duration).isEqualTo(Duration.ofSeconds(8));
        assertThat(quick.step).isEqualTo(Duration.ofSeconds(4));
        assertThat(quick.products).isEqualTo(50);
        assertThat(quick.warmup).isEqualTo(Duration.ofSeconds(10));
        assertThat(quick.jitCold()).isTrue();
        assertThat(quick.isShort()).isFalse();
        BenchOptions full = BenchOptions.parse();
        // the full run: every JVM warmed for at least 2 minutes, each phase measured for at least 60 s
        assertThat(full.warmup).isEqualTo(Duration.ofMinutes(2));
        assertThat(full.duration).isEqualTo(Duration.ofSeconds(60));
        assertThat(full.products).isEqualTo(200);
        assertThat(full.ownStack()).isTrue();
        assertThat(full.modeName()).isEqualTo("full");
        assertThat(full.jitCold()).isFalse();
        assertThat(full.isShort()).isFalse();
    }

    @Test
    void aFullRunWithLessWarmUpOrShorterPhasesIsShort() {
        BenchOptions lessWarm = BenchOptions.parse("--warmup", "30s");
        assertThat(lessWarm.shortfalls()).containsExactly("warm-up 30 s < 2.0 min");
        BenchOptions shorter = BenchOptions.parse("--duration", "20s", "--warmup", "119s");
        assertThat(shorter.shortfalls()).containsExactly("warm-up 119 s < 2.0 min", "measured phases 20 s < 60 s");
        // phases that do not run cannot be short
        assertThat(BenchOptions.parse("--duration", "20s", "--phases", "none").isShort()).isFalse();
        assertThat(BenchOptions.parse("--warmup", "3m", "--duration", "90s").isShort()).isFalse();
        // --quick is JIT-cold rather than short
        assertThat(BenchOptions.parse("--quick", "--warmup", "5s").shortfalls()).isEmpty();
    }

    @Test
    void theSoakRunsOneFixedRatePhaseAlone() {
        BenchOptions o = BenchOptions.parse("--soak", "30m", "--rate", "80");
        assertThat(o.soak).isEqualTo(Duration.ofMinutes(30));
        assertThat(o.rate).isEqualTo(80);
        assertThat(o.modeName()).isEqualTo("soak");
        assertThat(o.phases).isEmpty();
        assertThat(o.reportsOnly()).isFalse();
        assertThat(o.soakSample).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.soakSlice).isEqualTo(Duration.ofMinutes(1));
        assertThat(o.warmup).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.isShort()).isFalse();
        BenchOptions tuned = BenchOptions.parse("--soak=2h", "--soak-sample", "5s", "--soak-slice=30s", "--phases", "gateway-many");
        assertThat(tuned.soak).isEqualTo(Duration.ofHours(2));
        assertThat(tuned.rate).isNull();
        assertThat(tuned.soakSample).isEqualTo(Duration.ofSeconds(5));
        assertThat(tuned.soakSlice).isEqualTo(Duration.ofSeconds(30));
        assertThat(tuned.phases).containsExactly("gateway-many");
        // under two slices no drift can be read
        assertThat(BenchOptions.parse("--soak", "90s").shortfalls()).containsExactly("soak 90 s < two slices of 60 s");
        assertThatThrownBy(() -> BenchOptions.parse("--soak", "0")).hasMessageContaining("--soak must be positive");
        assertThatThrownBy(() -> BenchOptions.parse("--soak", "x")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> BenchOptions.parse("--soak", "1h", "--reports")).hasMessageContaining("one at a time");
    }

    @Test
    void explicitOptionsWinInBothSpellings() {
        BenchOptions o = BenchOptions.parse("--quick", "--rate", "250", "--duration=20s", "--warmup", "1m", "--steps", "300,100,200",
                "--p99", "80", "--gateway", "http://127.0.0.1:8080/", "--direct", "http://127.0.0.1:8084", "--products", "7");
        assertThat(o.rate).isEqualTo(250);
        assertThat(o.duration).isEqualTo(Duration.ofSeconds(20));
        assertThat(o.warmup).isEqualTo(Duration.ofMinutes(1));
        assertThat(o.steps).containsExactly(100, 200, 300);
        assertThat(o.p99BoundMillis).isEqualTo(80.0);
        assertThat(o.gatewayUrl).isEqualTo("http://127.0.0.1:8080");
        assertThat(o.ownStack()).isFalse();
        assertThat(o.products).isEqualTo(7);
    }

    @Test
    void durationsAcceptUnitsOrPlainSeconds() {
        assertThat(BenchOptions.duration("x", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(BenchOptions.duration("x", "1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(BenchOptions.duration("x", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(BenchOptions.duration("x", "12")).isEqualTo(Duration.ofSeconds(12));
        assertThat(BenchOptions.duration("x", "1.5h")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void mistakesAreUsageErrors() {
        assertThatThrownBy(() -> BenchOptions.parse("--rate", "0")).isInstanceOf(BenchOptions.UsageException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> BenchOptions.parse("--bogus")).hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> BenchOptions.parse("--rate")).hasMessageContaining("missing value");
        assertThatThrownBy(() -> BenchOptions.parse("--direct", "http://x")).hasMessageContaining("--gateway");
    }

    @Test
    void theReportsPhaseRunsAloneWithPhasesNone() {
        BenchOptions o = BenchOptions.parse("--reports", "--phases", "none", "--report-sales", "20000", "--report-products=500",
                "--report-requests", "10", "--report-warmup", "0");
        assertThat(o.reportsOnly()).isTrue();
        assertThat(o.modeName()).isEqualTo("reports");
        assertThat(o.reportSales).isEqualTo(20000);
        assertThat(o.reportProducts).isEqualTo(500);
        assertThat(o.reportRequests).isEqualTo(10);
        assertThat(o.reportWarmup).isZero();
        BenchOptions withOrders = BenchOptions.parse("--quick", "--reports");
        assertThat(withOrders.reports).isTrue();
        assertThat(withOrders.reportsOnly()).isFalse();
        assertThat(withOrders.reportSales).isEqualTo(100_000);
        assertThat(withOrders.reportProducts).isEqualTo(2_000);
        assertThatThrownBy(() -> BenchOptions.parse("--report-sales", "0")).isInstanceOf(BenchOptions.UsageException.class);
    }
}

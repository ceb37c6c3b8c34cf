package dev.kirana.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
    static final long MS = 1_000_000L;

    static PhaseResult phase(String name, String target, String products, String mode, int rate, long latencyMs,
                             double startSeconds, double cpuSeconds) {
        PhaseSpec spec = new PhaseSpec(name, PhaseSpec.Kind.MEASURED, target, products, mode, rate, 0);
        PhaseRecorder r = new PhaseRecorder(spec, 0);
        long start = (long) (startSeconds * 1e9);
        for (int i = 0; i < rate * 2; i++) {
            long t = start + i * 1_000_000_000L / rate;
            r.scheduled();
            r.record(t, new Outcome(Outcome.Kind.CONFIRMED, 201, t, mode.equals(PhaseSpec.POLL) ? t + MS : Outcome.NONE,
                    t + latencyMs * MS, latencyMs * 500, null));
        }
        return r.finish(2.0, 0, Map.of("gateway", new CpuSampler.Usage(cpuSeconds, cpuSeconds / 2),
                "order-service", new CpuSampler.Usage(cpuSeconds, cpuSeconds / 2),
                CpuSampler.OTHER, new CpuSampler.Usage(0.4, 0.2)), startSeconds, startSeconds + 2.5);
    }

    static RunReport sample() {
        RunReport r = new RunReport();
        r.options = BenchOptions.parse("--quick", "--rate", "400");
        r.mode = "quick";
        r.command = "./kirana bench --quick --rate 400";
        r.machine = "2 cores";
        r.git = "`abc123` on main";
        r.target = "own stack";
        r.products = 50;
        r.measuredRate = 400;
        r.rateSource = "--rate";
        r.measured.add(phase("gateway-many", PhaseSpec.GATEWAY, "many", PhaseSpec.WAIT, 400, 20, 0, 1.6));
        r.measured.add(phase("direct-many", PhaseSpec.DIRECT, "many", PhaseSpec.WAIT, 400, 10, 3, 1.2));
        r.measured.add(phase("gateway-many-poll", PhaseSpec.GATEWAY, "many", PhaseSpec.POLL, 400, 30, 6, 2.0));
        PhaseSpec sqlSpec = new PhaseSpec("sql-many", PhaseSpec.Kind.SQL, PhaseSpec.SQL, "many", PhaseSpec.JDBC, 0, 8);
        PhaseRecorder sql = new PhaseRecorder(sqlSpec, 0);
        for (int i = 0; i < 4000; i++) {
            long t = 9_000_000_000L + i * 500_000L;
            sql.record(t, new Outcome(Outcome.Kind.CONFIRMED, 0, t, Outcome.NONE, t + 2 * MS, -1, null));
        }
        r.sql.add(sql.finish(2.0, 0, Map.of(), 9, 11));
        r.invariants = new Invariants.Result(List.of(new Invariants.Check("no oversell", true, "0 violations"),
                new Invariants.Check("outbox", null, "not checked")), 1.5, Map.of("CONFIRMED", 3200L));
        return r;
    }

    @Test
    void theMarkdownCarriesTheFiguresAndRatios() {
        String md = Report.markdown(sample(), "x.html");
        assertThat(md).contains("# Kirana bench — quick run")
                .contains("| gateway-many | gateway | many | Prefer: wait | 400 | 400 |")
                // gateway / direct: same throughput, 2× the latency; suite / SQL: 400/s vs 2000 tx/s = 0.20
                .contains("| gateway / direct | confirmed/s at 400/s | 1.00 |")
                .contains("| gateway / direct | p50 latency | 2.00 |")
                .contains("| suite (gateway) / bare SQL | throughput: measured confirmed/s ÷ SQL tx/s | 0.20 |")
                .contains("| suite (gateway) / bare SQL | p50 latency | 10.0")
                // CPU per order: (1.6 + 1.6) s / 800 orders = 4 ms
                .contains("| **suite total** (without bench, other) | 1.60 | 4.00 |")
                .contains("✔ holds").contains("not checked")
                .contains("see the chart in [x.html](x.html)");
    }

    @Test
    void theHtmlIsSelfContained() {
        String html = Report.html(sample());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("<polyline").contains("<table>")
                .doesNotContain("<script src").doesNotContain("http://cdn").doesNotContain("https://");
        // the only URL is the SVG namespace
        List<String> urls = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("https?://[^\"' )]+").matcher(html);
        while (m.find()) {
            urls.add(m.group());
        }
        assertThat(urls).allMatch(u -> u.equals("http://www.w3.org/2000/svg"));
    }

    @Test
    void inlineMarkupIsEscapedThenFormatted() {
        assertThat(Report.inline("a <b> & `x<y>` **bold**")).isEqualTo("a &lt;b&gt; &amp; <code>x&lt;y&gt;</code> <b>bold</b>");
    }

    @Test
    void numbersAreFormattedForReading() {
        assertThat(Report.ms(1.234)).isEqualTo("1.23");
        assertThat(Report.ms(12.34)).isEqualTo("12.3");
        assertThat(Report.ms(1234.5)).isEqualTo("1235");
        assertThat(Report.ms(Double.NaN)).isEqualTo("–");
        assertThat(Report.ratio(1, 0)).isEqualTo("–");
        assertThat(Svg.niceCeil(430)).isEqualTo(500);
        assertThat(Svg.niceCeil(1100)).isEqualTo(2000);
    }

    @Test
    void theReportsSectionListsEveryEndpointAgainstTheP95Bound() {
        RunReport r = sample();
        r.options = BenchOptions.parse("--reports", "--phases", "none");
        r.mode = "reports";
        org.HdrHistogram.Histogram fast = LatencyStats.newHistogram();
        org.HdrHistogram.Histogram slow = LatencyStats.newHistogram();
        for (int i = 1; i <= 100; i++) {
            fast.recordValue(i * 100L); // 0.1 .. 10 ms
            slow.recordValue(i * 5_000L); // 5 .. 500 ms
        }
        ReportsBench.Sample f = new ReportsBench.Sample(LatencyStats.of(fast), 0, 0, null, 1.5);
        ReportsBench.Sample s = new ReportsBench.Sample(LatencyStats.of(slow), 3, 0, null, 40);
        r.reports = new ReportsBench.Result(1000, 50, 2300, Map.of("kirana.order.confirmed.v1", 1000L),
                java.time.LocalDate.parse("2025-12-02"), java.time.LocalDate.parse("2026-12-01"), 2.0, 23.0, true, null,
                1000, 10, 20, 20, 100, "http://127.0.0.1:10086",
                List.of(new ReportsBench.Endpoint("tax (day)", "/tax", f, f), new ReportsBench.Endpoint("sales/by/product (year)",
                        "/sales/by/product", s, f)), "DONE in 4.0 s: 2300 events applied (575 events/s), 0 skipped");
        String md = Report.markdown(r, "x.html");
        assertThat(md).contains("## Reports")
                .contains("**100 events/s**")
                .contains("**1 of 2** endpoints answer with p95 under 300 ms")
                .contains("| `tax (day)` | 5.00 / 9.50 / 9.90 | 5.00 / 9.50 / 9.90 |")
                .contains("3× 429")
                .doesNotContain("## Ramp");
        assertThat(LatencyStats.of(slow).p95()).isCloseTo(475.0, org.assertj.core.api.Assertions.within(0.5));
    }
}

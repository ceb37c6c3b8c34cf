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

    /** The sample as a full run whose ramps chose 300/s through the gateway and 400/s direct. */
    static RunReport full(String... args) {
        RunReport r = sample();
        r.options = BenchOptions.parse(args);
        r.mode = r.options.modeName();
        r.command = "./kirana bench";
        r.gatewayRamp = new Ramp.Outcome(List.of(), 300, true);
        r.directRamp = new Ramp.Outcome(List.of(), 400, true);
        return r;
    }

    @Test
    void theHeadlineLeadsWithTheSustainedRateTheCpuPerOrderAndTheRatios() {
        String md = Report.markdown(full(), "x.html");
        int headline = md.indexOf("## Headline");
        assertThat(headline).isPositive();
        assertThat(headline).isLessThan(md.indexOf("- Command:"));
        assertThat(md.indexOf("- Command:")).isLessThan(md.indexOf("## Summary"));
        assertThat(md.indexOf("## Summary")).isLessThan(md.indexOf("## Measured phases"));
        String head = md.substring(headline, md.indexOf("- Command:"));
        assertThat(head)
                .contains("| Sustained rate through the gateway at p99 ≤ 50 ms | 300/s (p99 ≤ 50 ms) |")
                .contains("| Sustained rate straight to order-service, same criterion | 400/s (p99 ≤ 50 ms) |")
                // 300 / 400 = 0.75
                .contains("| Gateway / direct: sustained rate | 0.75 (300/s ÷ 400/s) |")
                // suite CPU per order: gateway-many (1.6 + 1.6) s / 800 = 4 ms, direct-many (1.2 + 1.2) s / 800 = 3 ms; 4 / 3 = 1.33
                .contains("| Gateway / direct at 400/s: suite CPU ms per confirmed order | 1.33 (4.00 ÷ 3.00) |")
                .contains("| Gateway / direct at 400/s: p99 latency | 2.00 (20.0 ms ÷ 10.0 ms) |")
                // the gateway's sustained 300/s against 4000 SQL transactions in 2 s = 2000/s: 0.15
                .contains("| Suite / bare SQL: throughput (orders/s ÷ SQL transactions/s) | 0.15 (300 ÷ 2000) |")
                // per process: 1.6 s / 800 orders = 2 ms through the gateway, 1.2 s / 800 = 1.5 ms direct
                .contains("| CPU ms per confirmed order | gateway-many @400/s | direct-many @400/s |")
                .contains("| gateway | 2.00 | 1.50 |")
                .contains("| order-service | 2.00 | 1.50 |")
                .contains("| **suite total** (without bench, other) | 4.00 | 3.00 |")
                .doesNotContain("other processes")
                .doesNotContain("JIT-cold").doesNotContain("Short run");
        assertThat(md).startsWith("# Kirana bench — full run, ");
    }

    @Test
    void aShortRunAndAQuickRunSaySoFirst() {
        String shortRun = Report.markdown(full("--warmup", "30s"), "x.html");
        assertThat(shortRun).startsWith("# Kirana bench — full run (short), ")
                .contains("**Short run**: warm-up 30 s < 2.0 min.");
        assertThat(shortRun.indexOf("**Short run**")).isLessThan(shortRun.indexOf("| Sustained rate"));
        String quick = Report.markdown(sample(), "x.html");
        assertThat(quick).startsWith("# Kirana bench — quick run (JIT-cold), ").contains("**JIT-cold** (`--quick`)")
                // no ramp ran: the rate was given; gateway-many confirmed all 800 arrivals of its 2 s at 400/s, p99 20 ms
                .contains("| Sustained rate through the gateway at p99 ≤ 50 ms | not searched (`--rate 400`): gateway-many "
                        + "confirmed 400/s at p99 20.0 ms, within the bound |");
    }

    /** RSS of gateway and order-service, in that order (the order the stack lists its processes in). */
    private static Map<String, Long> rss(long gateway, long orderService) {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        m.put("gateway", gateway);
        m.put("order-service", orderService);
        return m;
    }

    @Test
    void theSoakSectionShowsMemoryPerProcessAndTheLatencyDrift() {
        RunReport r = sample();
        r.options = BenchOptions.parse("--soak", "3m", "--rate", "100");
        r.mode = "soak";
        r.measured.clear();
        r.sql.clear();
        r.measuredRate = 100;
        long mib = 1024L * 1024L;
        PhaseResult phase = phase("soak", PhaseSpec.GATEWAY, "many", PhaseSpec.WAIT, 100, 10, 0, 0.8);
        List<Soak.Slice> slices = List.of(new Soak.Slice(0, 0, 60, 6000, 0, 0, 5, 10, 30),
                new Soak.Slice(1, 60, 60, 6000, 2, 0, 5, 12, 30), new Soak.Slice(2, 120, 60, 6000, 0, 1, 6, 14, 30));
        List<Soak.Sample> samples = List.of(
                new Soak.Sample(0, rss(200 * mib, 300 * mib), Map.of("gateway", 40 * mib)),
                new Soak.Sample(90, rss(215 * mib, 295 * mib), Map.of("gateway", 55 * mib)),
                new Soak.Sample(180, rss(230 * mib, 290 * mib), Map.of("gateway", 70 * mib)));
        r.soak = new Soak.Result(100, java.time.Duration.ofMinutes(3), java.time.Duration.ofSeconds(10),
                java.time.Duration.ofMinutes(1), phase, slices, samples, "prometheus");
        String md = Report.markdown(r, "x.html");
        assertThat(md).startsWith("# Kirana bench — soak run, ");
        assertThat(md.indexOf("## Headline")).isLessThan(md.indexOf("## Soak"));
        assertThat(md)
                // p99 10 → 14 ms over slices 60 s apart, 2 ms per slice: 2 / 60 × 3600 = 120 ms per hour
                .contains("| Soak at 100/s for 3.0 min: p99 first → last slice | 10.0 → 14.0 ms (+4.0 ms; slope 120.00 ms/hour) |")
                // the gateway grew 30 MiB in the 180 s between the samples: 30 / 180 × 3600 = 600 MiB per hour
                .contains("| Soak: largest RSS growth | gateway +30.0 MiB (600.00 MiB/hour) |")
                .contains("| gateway | 200.0 | 230.0 | +30.0 | 230.0 | 600.00 | 40.0 | 70.0 | +30.0 | 70.0 |")
                // order-service shrank 10 MiB: -10 / 180 × 3600 = -200 MiB per hour; its heap was not sampled
                .contains("| order-service | 300.0 | 290.0 | -10.0 | 300.0 | -200.00 | – | – | – | – |")
                .contains("p99 10.0 → 14.0 ms (+4.0 ms)")
                .contains("Memory over the soak (3 of the 3 samples, evenly spread):")
                .contains("| 90 s | 215.0 / 55.0 | 295.0 |")
                // 6000 confirmed in a 60 s slice: 100/s
                .contains("| 2 | 60 s | 100 | 2 | 0 | 5.00 | 12.0 | 30.0 |")
                // CPU per order of the soak: 0.8 s / 200 orders = 4 ms per process, 8 ms for the suite
                .contains("| CPU ms per confirmed order | soak @100/s |")
                .contains("| gateway | 4.00 |")
                .contains("| **suite total** (without bench, other) | 8.00 |");
    }

    @Test
    void aProfiledRunListsTheHotMethodsOfEveryProcess() {
        RunReport r = full("--profile");
        JfrProfiler.Profile order = new JfrProfiler.Profile("order-service", java.nio.file.Path.of("order-service.jfr"), 1000,
                List.of(new JfrProfiler.Entry("dev.kirana.order.OrderSaga.confirm", 300, 0.3),
                        new JfrProfiler.Entry("java.util.HashMap.get", 100, 0.1)),
                List.of(new JfrProfiler.Entry("dev.kirana", 400, 0.4)), List.of(), 3, 12.0, List.of(), List.of(), 5.0, List.of());
        JfrProfiler.Profile gateway = new JfrProfiler.Profile("gateway", java.nio.file.Path.of("gateway.jfr"), 500,
                List.of(new JfrProfiler.Entry("io.netty.channel.epoll.Native.epollWait", 60, 0.12)),
                List.of(new JfrProfiler.Entry("io.netty", 60, 0.12)), List.of(), 1, 2.0, List.of(), List.of(), 1.0, List.of());
        r.profiles = List.of(gateway, order);
        String md = Report.markdown(r, "x.html");
        assertThat(md.substring(md.indexOf("## Headline"), md.indexOf("- Command:")))
                .contains("gateway: `io.netty.channel.epoll.Native.epollWait` 12.0 %; order-service: "
                        + "`dev.kirana.order.OrderSaga.confirm` 30.0 %");
        String profile = md.substring(md.indexOf("## Profile (JFR)"));
        assertThat(profile).contains("### gateway").contains("### order-service")
                .contains("| Method (self) | Share |")
                .contains("| `dev.kirana.order.OrderSaga.confirm` | 30.0 % |")
                .contains("| `java.util.HashMap.get` | 10.0 % |");
        assertThat(profile.indexOf("### gateway")).isLessThan(profile.indexOf("### order-service"));
    }
}

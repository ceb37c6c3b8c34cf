package dev.kirana.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@link RunReport} as Markdown and as a self-contained HTML page (inline SVG charts, no
 * scripts or fonts from the network). Both come from the same blocks, so they always agree.
 */
final class Report {
    static final double AIM_RATE = 500;
    static final double AIM_P99 = 50;
    static final double AIM_RATIO = 0.75;

    /** A piece of the report. */
    sealed interface Block permits Heading, Text, Table, Chart {
    }

    record Heading(int level, String text) implements Block {
    }

    /** A paragraph; {@code `code`} and {@code **bold**} are the only markup. Lines starting with "- " form a list. */
    record Text(String text) implements Block {
    }

    record Table(List<String> headers, List<List<String>> rows) implements Block {
    }

    /** Inline SVG in the HTML page; the Markdown just points to the HTML page. */
    record Chart(String title, String svg) implements Block {
    }

    private final RunReport r;
    private final List<Block> blocks = new ArrayList<>();

    private Report(RunReport r) {
        this.r = r;
    }

    static List<Block> blocks(RunReport r) {
        Report report = new Report(r);
        report.build();
        return report.blocks;
    }

    static String markdown(RunReport r, String htmlName) {
        StringBuilder md = new StringBuilder();
        for (Block b : blocks(r)) {
            if (b instanceof Heading h) {
                md.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (b instanceof Text t) {
                md.append(t.text()).append("\n\n");
            } else if (b instanceof Table t) {
                md.append(markdownTable(t)).append('\n');
            } else if (b instanceof Chart c) {
                md.append("*").append(c.title()).append(": see the chart in [").append(htmlName).append("](").append(htmlName)
                        .append(").*\n\n");
            }
        }
        return md.toString();
    }

    static String markdownTable(Table t) {
        StringBuilder md = new StringBuilder();
        md.append("| ").append(String.join(" | ", t.headers().stream().map(Report::cell).toList())).append(" |\n");
        md.append("|").append(" --- |".repeat(t.headers().size())).append('\n');
        for (List<String> row : t.rows()) {
            md.append("| ").append(String.join(" | ", row.stream().map(Report::cell).toList())).append(" |\n");
        }
        return md.toString();
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    static String html(RunReport r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Kirana bench ")
                .append(esc(r.mode)).append(' ').append(esc(String.valueOf(r.startedAt))).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em auto;max-width:1200px;"
                        + "padding:0 1em;color:#1d2430;line-height:1.45}\n")
                .append("h1{font-size:1.6em}h2{margin-top:1.8em;border-bottom:1px solid #d8dee8;padding-bottom:.2em}\n")
                .append("table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.88em}\n")
                .append("th,td{border:1px solid #d8dee8;padding:.25em .55em;text-align:right;vertical-align:top}\n")
                .append("th{background:#f1f4f9}td:first-child,th:first-child{text-align:left}\n")
                .append("code{background:#f1f4f9;padding:0 .25em;border-radius:3px}\n")
                .append("figure{margin:1em 0}figcaption{font-weight:600;margin-bottom:.3em}\n")
                .append("svg{background:#fff;border:1px solid #d8dee8}\n")
                .append("</style></head><body>\n");
        boolean inList = false;
        for (Block b : blocks(r)) {
            if (b instanceof Heading hd) {
                h.append("<h").append(hd.level()).append('>').append(inline(hd.text())).append("</h").append(hd.level()).append(">\n");
            } else if (b instanceof Text t) {
                StringBuilder para = new StringBuilder();
                for (String line : t.text().split("\n")) {
                    if (line.startsWith("- ")) {
                        if (!inList) {
                            flushPara(h, para);
                            h.append("<ul>\n");
                            inList = true;
                        }
                        h.append("<li>").append(inline(line.substring(2))).append("</li>\n");
                    } else {
                        if (inList) {
                            h.append("</ul>\n");
                            inList = false;
                        }
                        para.append(inline(line)).append(' ');
                    }
                }
                if (inList) {
                    h.append("</ul>\n");
                    inList = false;
                }
                flushPara(h, para);
            } else if (b instanceof Table t) {
                h.append("<table><thead><tr>");
                t.headers().forEach(x -> h.append("<th>").append(inline(x)).append("</th>"));
                h.append("</tr></thead><tbody>\n");
                for (List<String> row : t.rows()) {
                    h.append("<tr>");
                    row.forEach(x -> h.append("<td>").append(inline(x == null ? "" : x)).append("</td>"));
                    h.append("</tr>\n");
                }
                h.append("</tbody></table>\n");
            } else if (b instanceof Chart c) {
                h.append("<figure><figcaption>").append(esc(c.title())).append("</figcaption>\n").append(c.svg()).append("</figure>\n");
            }
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void flushPara(StringBuilder h, StringBuilder para) {
        if (!para.toString().isBlank()) {
            h.append("<p>").append(para.toString().trim()).append("</p>\n");
        }
        para.setLength(0);
    }

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");

    static String inline(String text) {
        String s = esc(text);
        s = CODE.matcher(s).replaceAll(m -> "<code>" + Matcher.quoteReplacement(m.group(1)) + "</code>");
        s = BOLD.matcher(s).replaceAll(m -> "<b>" + Matcher.quoteReplacement(m.group(1)) + "</b>");
        s = LINK.matcher(s).replaceAll(m -> "<a href=\"" + Matcher.quoteReplacement(m.group(2)) + "\">"
                + Matcher.quoteReplacement(m.group(1)) + "</a>");
        return s;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---- content ----------------------------------------------------------------------------------------------

    private void build() {
        BenchOptions o = r.options;
        String standing = o.reportsOnly() ? "" : o.jitCold() ? " (JIT-cold)" : o.isShort() ? " (short)" : "";
        blocks.add(new Heading(1, "Kirana bench — " + r.mode + " run" + standing + ", " + r.startedAt.toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z")));
        List<String> intro = new ArrayList<>();
        intro.add("- Command: `" + r.command + "`");
        intro.add("- Suite: " + r.target);
        intro.add("- Machine: " + r.machine);
        intro.add("- Code: " + r.git);
        if (o.reportsOnly()) {
            intro.add("- Reports phase only (`--reports --phases none`): no order load, no ramps"
                    + (r.stackStartSeconds > 0 ? "; stack start " + secs(r.stackStartSeconds) : "") + "; in total "
                    + secs(r.loadSeconds) + ".");
            blocks.add(new Text(String.join("\n", intro)));
            if (r.failure != null) {
                blocks.add(new Text("**The run did not complete:** " + r.failure));
            }
            reports();
            notes();
            return;
        }
        headline();
        intro.add("- Load: open model, " + (o.poisson ? "Poisson" : "constant-interval") + " arrivals; latency measured from each request's "
                + "**intended** send time (coordinated omission counted); at most " + o.maxInFlight + " requests in flight, "
                + "arrivals beyond are dropped and counted; `Prefer: wait=" + o.waitSeconds + "`; one unit of one product per order, "
                + r.products + " products (+1 hot product), each with ample stock.");
        intro.add("- Phases: warm-up " + secs(o.warmup.toMillis() / 1000.0) + " (closed loop of " + o.warmupConcurrency
                + " clients" + (r.warmup == null ? "" : ", " + perSec(r.warmup.confirmedPerSecond()) + " confirmed/s, p50 "
                + ms(r.warmup.confirmed().p50()) + " ms") + "); ramp steps of "
                + secs(o.step.toMillis() / 1000.0) + "; measured phases of " + secs(o.duration.toMillis() / 1000.0) + " at "
                + r.measuredRate + "/s (" + r.rateSource + "); set-up " + secs(r.setupSeconds)
                + (r.stackStartSeconds > 0 ? "; stack start " + secs(r.stackStartSeconds) : "") + "; load in total "
                + secs(r.loadSeconds) + ".");
        blocks.add(new Text(String.join("\n", intro)));
        if (r.failure != null) {
            blocks.add(new Text("**The run did not complete:** " + r.failure));
        }
        summary();
        charts();
        ramps();
        measured();
        soak();
        baselines();
        cpu();
        statements();
        invariants();
        reports();
        profile();
        notes();
    }

    /**
     * What the report leads with: the sustained rate at the p99 bound, the CPU milliseconds per
     * confirmed order of every process, and the ratios gateway / direct and suite / bare SQL.
     */
    private void headline() {
        BenchOptions o = r.options;
        double bound = o.p99BoundMillis;
        blocks.add(new Heading(2, "Headline"));
        if (o.jitCold()) {
            blocks.add(new Text("**JIT-cold** (`--quick`): about a minute of load on JVMs that are still compiling their hot "
                    + "paths, so its rates are low and its latencies high against a full run's; use it to see that everything "
                    + "works, not to compare performance."));
        } else if (o.isShort()) {
            blocks.add(new Text("**Short run**: " + String.join(", ", o.shortfalls()) + ". The full run warms every JVM for at "
                    + "least " + secs(BenchOptions.FULL_WARMUP.toMillis() / 1000.0) + " and measures each phase for at least "
                    + secs(BenchOptions.FULL_PHASE.toMillis() / 1000.0) + "; these figures do not compare with its."));
        }
        Optional<PhaseResult> gw = r.phase("gateway-many");
        Optional<PhaseResult> direct = r.phase("direct-many");
        Optional<PhaseResult> sqlMany = r.sqlPhase("sql-many");
        List<List<String>> rows = new ArrayList<>();
        String sustained;
        if (r.gatewayRamp != null) {
            sustained = r.gatewayRamp.describe(bound);
        } else {
            Optional<PhaseResult> at = gw.isPresent() ? gw : Optional.ofNullable(r.soak).map(Soak.Result::phase);
            sustained = "not searched (`--rate " + r.measuredRate + "`)" + at.map(p -> ": " + p.spec().name() + " confirmed "
                    + perSec(p.confirmedPerSecond()) + "/s at p99 " + ms(p.confirmed().p99()) + " ms, "
                    + (Ramp.judge(p, bound) == Ramp.Verdict.WITHIN_BOUND ? "within" : "not within") + " the bound").orElse("");
        }
        rows.add(List.of("Sustained rate through the gateway at p99 ≤ " + Ramp.fmt(bound) + " ms", sustained));
        if (r.directRamp != null) {
            rows.add(List.of("Sustained rate straight to order-service, same criterion", r.directRamp.describe(bound)));
        }
        if (r.gatewayRamp != null && r.directRamp != null && r.directRamp.chosen() > 0) {
            rows.add(List.of("Gateway / direct: sustained rate", ratio(r.gatewayRamp.chosen(), r.directRamp.chosen())
                    + " (" + r.gatewayRamp.chosen() + "/s ÷ " + r.directRamp.chosen() + "/s)"));
        }
        if (gw.isPresent() && direct.isPresent()) {
            PhaseResult g = gw.get();
            PhaseResult d = direct.get();
            rows.add(List.of("Gateway / direct at " + r.measuredRate + "/s: suite CPU ms per confirmed order",
                    ratio(g.suiteCpuMillisPerOrder(), d.suiteCpuMillisPerOrder()) + " (" + num(g.suiteCpuMillisPerOrder()) + " ÷ "
                            + num(d.suiteCpuMillisPerOrder()) + ")"));
            rows.add(List.of("Gateway / direct at " + r.measuredRate + "/s: p99 latency", ratio(g.confirmed().p99(),
                    d.confirmed().p99()) + " (" + ms(g.confirmed().p99()) + " ms ÷ " + ms(d.confirmed().p99()) + " ms)"));
        }
        if (sqlMany.isPresent() && (gw.isPresent() || r.gatewayRamp != null)) {
            PhaseResult s = sqlMany.get();
            double suiteRate = r.gatewayRamp != null && r.gatewayRamp.chosen() > 0 ? r.gatewayRamp.chosen()
                    : gw.map(PhaseResult::confirmedPerSecond).orElse(Double.NaN);
            rows.add(List.of("Suite / bare SQL: throughput (orders/s ÷ SQL transactions/s)", ratio(suiteRate, s.confirmedPerSecond())
                    + " (" + perSec(suiteRate) + " ÷ " + perSec(s.confirmedPerSecond()) + ")"));
            gw.ifPresent(g -> rows.add(List.of("Suite / bare SQL: p50 latency", ratio(g.confirmed().p50(), s.confirmed().p50())
                    + " (" + ms(g.confirmed().p50()) + " ms ÷ " + ms(s.confirmed().p50()) + " ms)")));
        }
        if (r.soak != null) {
            Soak.Drift d = r.soak.drift();
            rows.add(List.of("Soak at " + r.soak.rate() + "/s for " + secs(r.soak.duration().toMillis() / 1000.0)
                    + ": p99 first → last slice", ms(d.firstP99()) + " → " + ms(d.lastP99()) + " ms (" + signedMs(d.p99Delta())
                    + "; slope " + num(d.p99SlopeMsPerHour()) + " ms/hour)"));
            r.soak.memory().stream().filter(m -> m.rssStart() >= 0)
                    .max(java.util.Comparator.comparingLong(Soak.Memory::rssDelta))
                    .ifPresent(m -> rows.add(List.of("Soak: largest RSS growth", m.process() + " " + signedMib(m.rssDelta())
                            + " MiB (" + num(m.rssMiBPerHour(r.soak.sampledSeconds())) + " MiB/hour)")));
        }
        if (!r.profiles.isEmpty()) {
            rows.add(List.of("Hottest method (self CPU samples) per profiled process; tables in \"Profile (JFR)\"",
                    String.join("; ", r.profiles.stream().map(p -> p.process() + ": " + (p.selfMethods().isEmpty() ? "no samples"
                            : "`" + p.selfMethods().get(0).name() + "` " + String.format(Locale.ROOT, "%.1f %%",
                            p.selfMethods().get(0).share() * 100))).toList())));
        }
        blocks.add(new Table(List.of("Figure", "Value"), rows));

        List<PhaseResult> phases = new ArrayList<>();
        gw.ifPresent(phases::add);
        direct.ifPresent(phases::add);
        if (r.soak != null) {
            phases.add(r.soak.phase());
        }
        phases.removeIf(p -> p.cpu().isEmpty());
        if (phases.isEmpty()) {
            blocks.add(new Text("CPU per confirmed order: not measured (no measured phase with CPU samples)."));
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        phases.forEach(p -> p.cpu().keySet().stream()
                .filter(n -> !CpuSampler.OTHER.equals(n) && !CpuSampler.MACHINE.equals(n)).forEach(names::add));
        List<String> headers = new ArrayList<>(List.of("CPU ms per confirmed order"));
        phases.forEach(p -> headers.add(p.spec().name() + " @" + rate(p)));
        List<List<String>> cpuRows = new ArrayList<>();
        for (String name : names) {
            List<String> row = new ArrayList<>(List.of(name));
            phases.forEach(p -> row.add(num(p.cpuMillisPerOrder(name))));
            cpuRows.add(row);
        }
        List<String> total = new ArrayList<>(List.of("**suite total** (without bench, other)"));
        phases.forEach(p -> total.add(num(p.suiteCpuMillisPerOrder())));
        cpuRows.add(total);
        blocks.add(new Table(headers, cpuRows));
    }

    private void soak() {
        Soak.Result x = r.soak;
        if (x == null) {
            return;
        }
        blocks.add(new Heading(2, "Soak"));
        Soak.Drift d = x.drift();
        List<String> lines = new ArrayList<>();
        lines.add("- One phase through the gateway at " + x.rate() + "/s for " + secs(x.duration().toMillis() / 1000.0) + " ("
                + x.slices().size() + " slices of " + secs(x.slice().toMillis() / 1000.0) + " by intended send time); "
                + x.phase().confirmedCount() + " orders confirmed, " + x.phase().errorCount() + " errors, " + x.phase().dropped()
                + " dropped.");
        lines.add("- Memory sampled at the start, every " + secs(x.sampleEvery().toMillis() / 1000.0) + " and at the end ("
                + x.samples().size() + " samples over " + secs(x.sampledSeconds()) + "): RSS is `VmRSS` of `/proc/<pid>/status` "
                + "(PostgreSQL: the postmaster only; its backends come and go); heap is " + x.heapSource() + ". A leak shows as "
                + "RSS and heap that keep growing; the heap at one instant includes garbage not yet collected, so its maximum "
                + "says more than its end.");
        lines.add("- **Latency drift**: p50 " + ms(d.firstP50()) + " → " + ms(d.lastP50()) + " ms (" + signedMs(d.p50Delta())
                + "), p99 " + ms(d.firstP99()) + " → " + ms(d.lastP99()) + " ms (" + signedMs(d.p99Delta())
                + ") from the first to the last slice with confirmed orders; least-squares slope of the slices' p99: "
                + num(d.p99SlopeMsPerHour()) + " ms/hour.");
        blocks.add(new Text(String.join("\n", lines)));
        List<List<String>> mem = new ArrayList<>();
        for (Soak.Memory m : x.memory()) {
            mem.add(List.of(m.process(), mib(m.rssStart()), mib(m.rssEnd()), m.rssStart() < 0 ? "–" : signedMib(m.rssDelta()),
                    mib(m.rssMax()), num(m.rssMiBPerHour(x.sampledSeconds())), mib(m.heapStart()), mib(m.heapEnd()),
                    m.heapStart() < 0 ? "–" : signedMib(m.heapDelta()), mib(m.heapMax())));
        }
        if (!mem.isEmpty()) {
            blocks.add(new Table(List.of("Process", "RSS start (MiB)", "RSS end", "Δ RSS", "RSS max", "RSS MiB/hour", "Heap start (MiB)",
                    "Heap end", "Δ heap", "Heap max"), mem));
        }
        List<Soak.Sample> spread = Soak.spread(x.samples(), 11);
        if (spread.size() > 2) {
            List<String> names = x.memory().stream().map(Soak.Memory::process).toList();
            List<String> headers = new ArrayList<>(List.of("At"));
            names.forEach(n -> headers.add(n + " RSS / heap (MiB)"));
            List<List<String>> over = new ArrayList<>();
            for (Soak.Sample sample : spread) {
                List<String> row = new ArrayList<>(List.of(secs(sample.atSeconds())));
                for (String n : names) {
                    Long heap = sample.heapBytes().get(n);
                    row.add(mib(sample.rssBytes().getOrDefault(n, -1L)) + (heap == null ? "" : " / " + mib(heap)));
                }
                over.add(row);
            }
            blocks.add(new Text("Memory over the soak (" + spread.size() + " of the " + x.samples().size() + " samples, evenly spread):"));
            blocks.add(new Table(headers, over));
        }
        List<List<String>> slices = new ArrayList<>();
        for (Soak.Slice s : x.slices()) {
            slices.add(List.of(Integer.toString(s.index() + 1), secs(s.fromSeconds()), perSec(s.confirmedPerSecond()),
                    Long.toString(s.errors()), Long.toString(s.dropped()), ms(s.p50()), ms(s.p99()), ms(s.max())));
        }
        blocks.add(new Table(List.of("Slice", "From", "Confirmed/s", "Errors", "Dropped", "p50", "p99", "max"), slices));
    }

    static String mib(long bytes) {
        return bytes < 0 ? "–" : String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0);
    }

    static String signedMib(long bytes) {
        return String.format(Locale.ROOT, "%+.1f", bytes / 1024.0 / 1024.0);
    }

    static String signedMs(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%+.1f ms", v);
    }

    private void reports() {
        ReportsBench.Result x = r.reports;
        if (x == null) {
            return;
        }
        blocks.add(new Heading(2, "Reports"));
        List<String> lines = new ArrayList<>();
        lines.add("- Generated history: one shop, " + x.sales() + " sales over " + x.products() + " products, " + x.from() + " .. "
                + x.to() + " (seed " + r.options.seed + "); " + x.events() + " events published straight to Kafka: "
                + String.join(", ", x.eventsByType().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).toList()) + ".");
        lines.add(String.format(Locale.ROOT, "- Publishing took %s (%s events/s). The other consumers of those topics "
                + "(accounting-service's postings, the catalog replicas of inventory- and order-service) process the same "
                + "events meanwhile and share the cores with the projection.", secs1(x.publishSeconds()),
                perSec(x.publishedPerSecond())));
        lines.add(x.projected()
                ? String.format(Locale.ROOT, "- **Projection**: reporting-service had applied everything (consumer lag 0, the year's "
                        + "sales summary showing %d sales, %d voids, %d refunds) %s after the first send: **%s events/s**.",
                x.salesSeen(), x.voids(), x.refunds(), secs1(x.projectionSeconds()), perSec(x.projectedPerSecond()))
                : "- **Projection incomplete**: " + x.projectionNote() + ".");
        if (x.rebuildNote() != null) {
            lines.add("- **Rebuild** from the topics afterwards (`POST /actuator/readmodels`, the other services idle): "
                    + x.rebuildNote() + ".");
        }
        lines.add("- Latency: " + x.warmup() + " warm-up then " + x.requests() + " measured sequential GETs per report and route, "
                + "JSON; through the gateway (report rate limits raised for the bench's stack) and direct to reporting-service"
                + (x.directUrl() == null ? " (not measured: its port is unknown)" : " (" + x.directUrl() + ")")
                + ". A 429 or an error is counted, never recorded as a latency. Ranges end on " + x.to()
                + ": day = that day, month = its last 30 days, year = the whole generated year.");
        blocks.add(new Text(String.join("\n", lines)));
        List<List<String>> rows = new ArrayList<>();
        int within = 0;
        for (ReportsBench.Endpoint e : x.endpoints()) {
            ReportsBench.Sample g = e.gateway();
            ReportsBench.Sample d = e.direct();
            boolean ok = !g.latency().isEmpty() && g.latency().p95() < ReportsBench.P95_BOUND_MS;
            if (ok) {
                within++;
            }
            rows.add(List.of("`" + e.name() + "`", triple(g.latency()), d == null ? "–" : triple(d.latency()),
                    ms(g.latency().max()) + (d == null ? "" : " / " + ms(d.latency().max())),
                    d == null ? "–" : ratio(g.latency().p50(), d.latency().p50()),
                    String.format(Locale.ROOT, "%.1f", g.meanKiB()), issues(g) + (d == null ? "" : issues(d).isEmpty() ? "" : " / direct " + issues(d)),
                    check(ok)));
        }
        blocks.add(new Text(String.format(Locale.ROOT, "**%d of %d** endpoints answer with p95 under %.0f ms through the gateway.",
                within, x.endpoints().size(), ReportsBench.P95_BOUND_MS)));
        blocks.add(new Table(List.of("Endpoint", "Gateway p50 / p95 / p99 (ms)", "Direct p50 / p95 / p99 (ms)", "Max gw / direct (ms)",
                "Gateway / direct p50", "KiB", "429s, errors", "p95 < " + (int) ReportsBench.P95_BOUND_MS + " ms"), rows));
    }

    private static String triple(LatencyStats s) {
        return s.isEmpty() ? "–" : ms(s.p50()) + " / " + ms(s.p95()) + " / " + ms(s.p99());
    }

    private static String issues(ReportsBench.Sample s) {
        List<String> out = new ArrayList<>();
        if (s.tooMany() > 0) {
            out.add(s.tooMany() + "× 429");
        }
        if (s.errors() > 0) {
            out.add(s.errors() + "× " + s.firstError());
        }
        return String.join(", ", out);
    }

    private static String secs1(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    private void summary() {
        blocks.add(new Heading(2, "Summary"));
        List<List<String>> rows = new ArrayList<>();
        Optional<PhaseResult> gw = r.phase("gateway-many");
        Optional<PhaseResult> hot = r.phase("gateway-hot");
        Optional<PhaseResult> direct = r.phase("direct-many");
        Optional<PhaseResult> poll = r.phase("gateway-many-poll");
        Optional<PhaseResult> sqlMany = r.sqlPhase("sql-many");
        if (r.gatewayRamp != null) {
            rows.add(List.of("Highest ramp step through the gateway with p99 ≤ " + Ramp.fmt(r.options.p99BoundMillis) + " ms",
                    r.gatewayRamp.describe(r.options.p99BoundMillis), "≥ " + (int) AIM_RATE + "/s",
                    check(r.gatewayRamp.within() && r.gatewayRamp.chosen() >= AIM_RATE)));
        }
        gw.ifPresent(p -> rows.add(List.of("Gateway, many products, at " + rate(p) + ": confirmed/s; p50 / p99 / p99.9",
                perSec(p.confirmedPerSecond()) + "; " + pct(p.confirmed()), "≥ 500/s, p99 ≤ 50 ms",
                check(p.confirmedPerSecond() >= AIM_RATE * Ramp.MIN_THROUGHPUT_SHARE && p99(p) <= AIM_P99))));
        hot.ifPresent(p -> rows.add(List.of("Gateway, one hot product, at " + rate(p), perSec(p.confirmedPerSecond()) + "; "
                + pct(p.confirmed()), "", "")));
        direct.ifPresent(p -> rows.add(List.of("Direct to order-service, many products, at " + rate(p),
                perSec(p.confirmedPerSecond()) + "; " + pct(p.confirmed()), "", "")));
        poll.ifPresent(p -> rows.add(List.of("Gateway, 202 then poll, at " + rate(p) + ": 202 answer; final state seen",
                pct(p.accepted()) + "; " + pct(p.confirmed()), "", "")));
        if (r.gatewayRamp != null && r.directRamp != null && r.directRamp.chosen() > 0) {
            double ratio = (double) r.gatewayRamp.chosen() / r.directRamp.chosen();
            rows.add(List.of("Gateway / direct, highest ramp rate " + (r.gatewayRamp.within() ? "within the p99 bound"
                            : "sustained (neither met the p99 bound)") + "; step resolution limits this ratio",
                    String.format(Locale.ROOT, "%.2f (%d/s vs %d/s)", ratio, r.gatewayRamp.chosen(), r.directRamp.chosen()),
                    "≥ " + AIM_RATIO, check(ratio >= AIM_RATIO)));
        }
        if (gw.isPresent() && direct.isPresent()) {
            PhaseResult g = gw.get();
            PhaseResult d = direct.get();
            double cpuRatio = d.suiteCpuMillisPerOrder() / g.suiteCpuMillisPerOrder();
            rows.add(List.of("Gateway / direct at the same rate: throughput; CPU-bound capacity estimate (suite CPU per order, direct ÷ gateway)",
                    ratio(g.confirmedPerSecond(), d.confirmedPerSecond()) + "; " + (Double.isNaN(cpuRatio) ? "–" : String.format(Locale.ROOT, "%.2f", cpuRatio)),
                    "≥ " + AIM_RATIO, Double.isNaN(cpuRatio) ? "" : check(cpuRatio >= AIM_RATIO)));
            rows.add(List.of("Gateway's added latency at the same rate (p50 / p99)", delta(g.confirmed().p50(), d.confirmed().p50())
                    + " / " + delta(g.confirmed().p99(), d.confirmed().p99()), "", ""));
        }
        if (gw.isPresent() && sqlMany.isPresent()) {
            PhaseResult g = gw.get();
            PhaseResult s = sqlMany.get();
            double suiteRate = r.gatewayRamp != null && r.gatewayRamp.chosen() > 0 ? r.gatewayRamp.chosen() : g.confirmedPerSecond();
            rows.add(List.of("Suite / bare SQL: throughput (suite's sustainable rate ÷ SQL transactions/s at " + s.spec().concurrency()
                            + " connections); p50 latency (suite ÷ SQL)",
                    ratio(suiteRate, s.confirmedPerSecond()) + " (" + perSec(suiteRate) + " vs " + perSec(s.confirmedPerSecond())
                            + "); " + ratio(g.confirmed().p50(), s.confirmed().p50()) + "×", "", ""));
        }
        if (r.invariants != null) {
            long failed = r.invariants.checks().stream().filter(c -> Boolean.FALSE.equals(c.ok())).count();
            rows.add(List.of("Invariants after the run (no oversell, all orders final, outboxes drained, stock = ledger)",
                    failed == 0 ? "all " + r.invariants.checks().size() + " held" : failed + " violated", "all hold",
                    check(failed == 0)));
        }
        double other = r.measured.stream().mapToDouble(p -> Optional.ofNullable(p.cpu().get(CpuSampler.OTHER))
                .map(CpuSampler.Usage::cores).orElse(0.0)).average().orElse(Double.NaN);
        double machine = r.measured.stream().mapToDouble(p -> Optional.ofNullable(p.cpu().get(CpuSampler.MACHINE))
                .map(CpuSampler.Usage::cores).orElse(0.0)).average().orElse(Double.NaN);
        if (!Double.isNaN(other)) {
            rows.add(List.of("CPU of processes outside the run (other builds) during the measured phases, of "
                            + Runtime.getRuntime().availableProcessors() + " cores; machine total",
                    String.format(Locale.ROOT, "%.2f cores; %.2f cores", other, machine), "", ""));
        }
        blocks.add(new Table(List.of("Figure", "Measured", "Aim", ""), rows));
        blocks.add(new Text("Aims are reported, not asserted. Latencies are placement latencies: from the intended send time "
                + "until the order's final state was known (with `Prefer: wait` that is the 201 answer), in milliseconds."));
    }

    private void charts() {
        List<PhaseResult> phases = r.allPhases();
        if (phases.isEmpty()) {
            return;
        }
        blocks.add(new Heading(2, "Latency over time"));
        blocks.add(new Chart("Placement latency per second of intended send time (p50 thin, p99 thick, max dotted; log scale)",
                Svg.latency(phases)));
        blocks.add(new Chart("Confirmed orders per second by intended send second (bars; red: errors + drops) against the offered "
                + "rate (line); the bare-SQL phases are left out (their rates are in the Baselines table)",
                Svg.throughput(phases.stream().filter(p -> p.spec().kind() != PhaseSpec.Kind.SQL).toList())));
    }

    private void ramps() {
        if (r.gatewayRamp == null && r.directRamp == null) {
            return;
        }
        blocks.add(new Heading(2, "Ramp"));
        blocks.add(new Text("Each step is an open-model phase of " + secs(r.options.step.toMillis() / 1000.0) + ". Within bound: "
                + "confirmed ≥ 95 % of the offered rate, errors + drops ≤ 0.5 %, p99 ≤ " + Ramp.fmt(r.options.p99BoundMillis)
                + " ms. The direct ramp starts at the gateway's rate."));
        List<List<String>> rows = new ArrayList<>();
        for (Ramp.Outcome ramp : new Ramp.Outcome[]{r.gatewayRamp, r.directRamp}) {
            if (ramp == null) {
                continue;
            }
            for (Ramp.Step s : ramp.steps()) {
                PhaseResult p = s.result();
                rows.add(List.of(p.spec().target(), s.rate() + "/s", perSec(p.offeredPerSecond()), perSec(p.confirmedPerSecond()),
                        ms(p.confirmed().p50()), ms(p.confirmed().p99()), ms(p.confirmed().p999()), ms(p.confirmed().max()),
                        Long.toString(p.errorCount()), Long.toString(p.dropped()),
                        s.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '), s.why()));
            }
        }
        blocks.add(new Table(List.of("Target", "Step", "Offered/s", "Confirmed/s", "p50", "p99", "p99.9", "max", "Errors",
                "Dropped", "Verdict", "Why"), rows));
    }

    private void measured() {
        if (r.measured.isEmpty() && r.profiled == null) {
            return;
        }
        blocks.add(new Heading(2, "Measured phases at " + r.measuredRate + "/s"));
        List<List<String>> rows = new ArrayList<>();
        List<PhaseResult> all = new ArrayList<>(r.measured);
        if (r.profiled != null) {
            all.add(r.profiled);
        }
        for (PhaseResult p : all) {
            rows.add(List.of(p.spec().name(), p.spec().target(), p.spec().products(), p.spec().mode(),
                    perSec(p.offeredPerSecond()), perSec(p.confirmedPerSecond()), Long.toString(p.rejectedCount()),
                    Long.toString(p.errorCount()), Long.toString(p.dropped()), ms(p.confirmed().p50()), ms(p.confirmed().p90()),
                    ms(p.confirmed().p99()), ms(p.confirmed().p999()), ms(p.confirmed().max()),
                    String.format(Locale.ROOT, "%.1f", p.meanConcurrency())));
        }
        blocks.add(new Table(List.of("Phase", "Target", "Products", "Final state via", "Offered/s", "Confirmed/s", "Rejected",
                "Errors", "Dropped", "p50", "p90", "p99", "p99.9", "max", "Mean in flight"), rows));

        blocks.add(new Heading(3, "Placed → confirmed"));
        blocks.add(new Text("Placement: intended send → final state known (the figure above). Service: actual send → final state. "
                + "Server: the order's own `placedAt` → `confirmedAt` (order-service's clock: saga round trip through Kafka and "
                + "inventory). 202: intended send → the 202 PENDING answer (variant without `Prefer`, which then polls every 20 ms). "
                + "Send lag: how late the load generator itself sent (its own health). All in ms, p50 / p99 / p99.9."));
        List<List<String>> rows2 = new ArrayList<>();
        for (PhaseResult p : all) {
            rows2.add(List.of(p.spec().name(), pct(p.confirmed()), pct(p.service()), pct(p.serverPlaced()),
                    p.accepted().isEmpty() ? "–" : pct(p.accepted()), ms(p.sendLag().p99()) + " / " + ms(p.sendLag().max())));
        }
        blocks.add(new Table(List.of("Phase", "Placement", "Service", "Server placed→confirmed", "202 answer",
                "Send lag p99 / max"), rows2));

        if (!r.stages.isEmpty()) {
            blocks.add(new Heading(3, "Saga stages (database timestamps)"));
            blocks.add(new Text("Per confirmed order of the phase, from order-service's `placed_at`/`confirmed_at` and inventory's "
                    + "`reservations.created_at`: placed → reserved is order-service's outbox relay + Kafka + inventory's consumer "
                    + "and reservation; reserved → confirmed is inventory's relay + Kafka + order-service's consumer and "
                    + "confirmation. ms, p50 / p99 / p99.9."));
            List<List<String>> rows3 = new ArrayList<>();
            for (SagaStages s : r.stages) {
                rows3.add(List.of(s.phase(), Long.toString(s.orders()), pct(s.placedToReserved()), pct(s.reservedToConfirmed()),
                        pct(s.placedToConfirmed())));
            }
            blocks.add(new Table(List.of("Phase", "Orders", "Placed → reserved", "Reserved → confirmed", "Placed → confirmed"), rows3));
        }

        List<List<String>> errors = new ArrayList<>();
        List<PhaseResult> withErrors = new ArrayList<>(r.allPhases());
        for (PhaseResult p : withErrors) {
            p.errors().forEach((k, v) -> errors.add(List.of(p.spec().name() + " @" + Ramp.fmt(p.spec().targetRate()) + "/s", k,
                    Long.toString(v))));
        }
        if (!errors.isEmpty()) {
            blocks.add(new Heading(3, "Errors"));
            blocks.add(new Table(List.of("Phase", "Error", "Count"), errors.size() > 40 ? errors.subList(0, 40) : errors));
        }
    }

    private void baselines() {
        blocks.add(new Heading(2, "Baselines"));
        List<String> lines = new ArrayList<>();
        lines.add("- **Direct**: the same request (same token, `Prefer: wait`) straight to order-service, bypassing the gateway: "
                + "phase `direct-many` above" + (r.directRamp != null ? " and the direct ramp" : "") + ".");
        lines.add("- **Bare SQL**: per order, one JDBC transaction on the same PostgreSQL: the conditional reserve "
                + "(`UPDATE stock_levels SET reserved = reserved + ? WHERE … AND on_hand - reserved >= ?`), the `orders` row and "
                + "its `kirana_outbox` row (an order.placed payload of the suite's size). It runs in its own database "
                + "`" + SqlBaseline.DATABASE + "` built from the services' migrations, never touching the suite's data; closed loop, "
                + "one connection per thread, at the gateway phase's mean concurrency (Little's law), at least 2.");
        if (r.sqlNote != null) {
            lines.add("- " + r.sqlNote);
        }
        blocks.add(new Text(String.join("\n", lines)));
        if (!r.sql.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (PhaseResult p : r.sql) {
                rows.add(List.of(p.spec().name(), p.spec().products(), Integer.toString(p.spec().concurrency()),
                        perSec(p.confirmedPerSecond()), Long.toString(p.rejectedCount()), Long.toString(p.errorCount()),
                        ms(p.confirmed().p50()), ms(p.confirmed().p99()), ms(p.confirmed().p999()), ms(p.confirmed().max())));
            }
            blocks.add(new Table(List.of("Phase", "Products", "Connections", "Transactions/s", "Rejected", "Errors", "p50",
                    "p99", "p99.9", "max"), rows));
        }
        List<List<String>> ratios = new ArrayList<>();
        Optional<PhaseResult> gw = r.phase("gateway-many");
        Optional<PhaseResult> hot = r.phase("gateway-hot");
        Optional<PhaseResult> direct = r.phase("direct-many");
        if (gw.isPresent() && direct.isPresent()) {
            PhaseResult g = gw.get();
            PhaseResult d = direct.get();
            ratios.add(List.of("gateway / direct", "confirmed/s at " + r.measuredRate + "/s", ratio(g.confirmedPerSecond(), d.confirmedPerSecond())));
            ratios.add(List.of("gateway / direct", "p50 latency", ratio(g.confirmed().p50(), d.confirmed().p50())));
            ratios.add(List.of("gateway / direct", "p99 latency", ratio(g.confirmed().p99(), d.confirmed().p99())));
            ratios.add(List.of("gateway / direct", "suite CPU ms per order", ratio(g.suiteCpuMillisPerOrder(), d.suiteCpuMillisPerOrder())));
        }
        if (r.gatewayRamp != null && r.directRamp != null) {
            ratios.add(List.of("gateway / direct", "sustainable rate (ramp)", ratio(r.gatewayRamp.chosen(), r.directRamp.chosen())));
        }
        r.sqlPhase("sql-many").ifPresent(s -> gw.ifPresent(g -> {
            ratios.add(List.of("suite (gateway) / bare SQL", "throughput: measured confirmed/s ÷ SQL tx/s",
                    ratio(g.confirmedPerSecond(), s.confirmedPerSecond())));
            if (r.gatewayRamp != null) {
                ratios.add(List.of("suite (gateway) / bare SQL", "throughput: sustainable rate ÷ SQL tx/s",
                        ratio(r.gatewayRamp.chosen(), s.confirmedPerSecond())));
            }
            ratios.add(List.of("suite (gateway) / bare SQL", "p50 latency", ratio(g.confirmed().p50(), s.confirmed().p50())));
            ratios.add(List.of("suite (gateway) / bare SQL", "p99 latency", ratio(g.confirmed().p99(), s.confirmed().p99())));
        }));
        r.sqlPhase("sql-hot").ifPresent(s -> hot.ifPresent(g -> ratios.add(List.of("suite hot / bare SQL hot", "p50 latency",
                ratio(g.confirmed().p50(), s.confirmed().p50())))));
        if (!ratios.isEmpty()) {
            blocks.add(new Table(List.of("Ratio", "Of", "Value"), ratios));
        }
        if (!r.sqlMigrations.isEmpty()) {
            blocks.add(new Text("Baseline schema from: " + String.join(", ", r.sqlMigrations.stream().map(m -> "`" + m + "`").toList()) + "."));
        }
    }

    private void cpu() {
        List<PhaseResult> phases = new ArrayList<>(r.measured);
        phases.addAll(r.sql);
        phases.removeIf(p -> p.cpu().isEmpty());
        if (phases.isEmpty()) {
            return;
        }
        blocks.add(new Heading(2, "CPU per process"));
        blocks.add(new Text("From `/proc/<pid>/stat` (utime + stime) over each phase's load window: cores used (CPU seconds per "
                + "wall second) and CPU milliseconds per confirmed order. PostgreSQL is the postmaster plus all its backends. "
                + "\"Other processes\" is everything else on the machine (other engineers' builds). \"idle\" is the suite "
                + "with no load (sampled before the warm-up): at low rates that baseline is a large part of the CPU per order."));
        Set<String> names = new LinkedHashSet<>();
        phases.forEach(p -> names.addAll(p.cpu().keySet()));
        List<String> headers = new ArrayList<>(List.of("Process"));
        boolean idle = !r.idleCpu.isEmpty();
        if (idle) {
            names.addAll(r.idleCpu.keySet());
            headers.add("idle cores");
        }
        for (PhaseResult p : phases) {
            headers.add(p.spec().name() + " cores");
            headers.add("ms/order");
        }
        List<List<String>> rows = new ArrayList<>();
        for (String name : names) {
            List<String> row = new ArrayList<>(List.of(name));
            if (idle) {
                CpuSampler.Usage u = r.idleCpu.get(name);
                row.add(u == null ? "–" : String.format(Locale.ROOT, "%.2f", u.cores()));
            }
            for (PhaseResult p : phases) {
                CpuSampler.Usage u = p.cpu().get(name);
                row.add(u == null ? "–" : String.format(Locale.ROOT, "%.2f", u.cores()));
                row.add(u == null || CpuSampler.OTHER.equals(name) || CpuSampler.MACHINE.equals(name) ? "" : num(p.cpuMillisPerOrder(name)));
            }
            rows.add(row);
        }
        List<String> suite = new ArrayList<>(List.of("**suite total** (without bench, other)"));
        if (idle) {
            suite.add(String.format(Locale.ROOT, "%.2f", r.idleCpu.entrySet().stream()
                    .filter(e -> CpuSampler.isSuiteProcess(e.getKey())).mapToDouble(e -> e.getValue().cores()).sum()));
        }
        for (PhaseResult p : phases) {
            double cores = p.cpu().entrySet().stream().filter(e -> CpuSampler.isSuiteProcess(e.getKey()))
                    .mapToDouble(e -> e.getValue().cores()).sum();
            suite.add(String.format(Locale.ROOT, "%.2f", cores));
            suite.add(num(p.suiteCpuMillisPerOrder()));
        }
        rows.add(suite);
        blocks.add(new Table(headers, rows));
    }

    /** Statements per confirmed order, per database and per statement, from pg_stat_statements over the load windows. */
    private void statements() {
        if (r.statements.isEmpty()) {
            if (r.statementsNote != null && !r.measured.isEmpty()) {
                r.notes.add("SQL statements not counted: " + r.statementsNote + ".");
            }
            return;
        }
        blocks.add(new Heading(2, "SQL statements per confirmed order"));
        blocks.add(new Text("From `pg_stat_statements` (preloaded by the bench's stack) over each measured phase's load window: "
                + "every statement the services ran in their databases, `BEGIN` and `COMMIT` included, divided by the orders "
                + "confirmed in the window. Each statement is a round trip from a service and work for PostgreSQL: the "
                + "count is what the order path costs the database, independent of the machine."));
        List<PhaseResult> phases = r.measured.stream().filter(p -> r.statements.containsKey(p.spec().name())).toList();
        Set<String> databases = new java.util.TreeSet<>();
        phases.forEach(p -> r.statements.get(p.spec().name()).keySet().forEach(k -> databases.add(k.database())));
        List<String> headers = new ArrayList<>(List.of("Database"));
        phases.forEach(p -> headers.add(p.spec().name()));
        List<List<String>> rows = new ArrayList<>();
        for (String database : databases) {
            List<String> row = new ArrayList<>(List.of(database));
            for (PhaseResult p : phases) {
                row.add(perOrder(p, r.statements.get(p.spec().name()).entrySet().stream()
                        .filter(e -> e.getKey().database().equals(database)).mapToLong(e -> e.getValue().calls()).sum()));
            }
            rows.add(row);
        }
        List<String> total = new ArrayList<>(List.of("**all**"));
        phases.forEach(p -> total.add(perOrder(p, r.statements.get(p.spec().name()).values().stream()
                .mapToLong(SqlStatements.Stat::calls).sum())));
        rows.add(total);
        blocks.add(new Table(headers, rows));

        PhaseResult first = phases.get(0);
        blocks.add(new Text("The statements of phase `" + first.spec().name() + "`, most frequent first (at least 0.5 per order); "
                + "ms = mean execution time inside PostgreSQL."));
        List<List<String>> top = new ArrayList<>();
        r.statements.get(first.spec().name()).forEach((k, v) -> {
            double n = first.confirmedCount() == 0 ? 0 : (double) v.calls() / first.confirmedCount();
            if (n >= 0.5) {
                String q = k.query().length() > 110 ? k.query().substring(0, 110) + "…" : k.query();
                top.add(List.of(String.format(Locale.ROOT, "%.2f", n), k.database(),
                        String.format(Locale.ROOT, "%.3f", v.totalMillis() / v.calls()), "`" + q + "`"));
            }
        });
        blocks.add(new Table(List.of("Per order", "Database", "ms", "Statement"), top));
    }

    private static String perOrder(PhaseResult p, long calls) {
        return p.confirmedCount() == 0 ? "–" : String.format(Locale.ROOT, "%.1f", (double) calls / p.confirmedCount());
    }

    private void invariants() {
        if (r.invariants == null) {
            return;
        }
        blocks.add(new Heading(2, "Invariants after the run"));
        blocks.add(new Text(String.format(Locale.ROOT, "Checked after the suite drained (%.1f s until no order was PENDING and every outbox was empty).",
                r.invariants.drainSeconds())));
        List<List<String>> rows = new ArrayList<>();
        for (Invariants.Check c : r.invariants.checks()) {
            rows.add(List.of(c.name(), c.ok() == null ? "not checked" : c.ok() ? "✔ holds" : "✘ VIOLATED", c.detail()));
        }
        blocks.add(new Table(List.of("Invariant", "Result", "Detail"), rows));
    }

    private void profile() {
        if (r.profiles.isEmpty()) {
            return;
        }
        blocks.add(new Heading(2, "Profile (JFR)"));
        blocks.add(new Text("JDK Flight Recorder (`settings=profile`; on the bench's own stack recording from each JVM's start "
                + "and dumped with `jcmd JFR.dump begin=-Ns` for phase `"
                + (r.profiled == null ? "?" : r.profiled.spec().name()) + "` at " + r.measuredRate + "/s, so starting JFR does "
                + "not make the warm JVMs recompile; on another stack started with `jcmd JFR.start`). Recordings: `"
                + r.jfrDir + "` (open them in JDK Mission Control or `jfr print`). Library = the first non-JDK frame from the top of "
                + "each CPU sample."));
        if (!r.pgActivity.isEmpty()) {
            blocks.add(new Heading(3, "PostgreSQL activity"));
            blocks.add(new Text("`pg_stat_activity` sampled every 100 ms during the profiled phase: database | what the backend "
                    + "waits on (CPU = running) | statement. Backends = average number of backends in that state."));
            blocks.add(new Table(List.of("Database | wait | statement", "Backends", "Share"), entries(r.pgActivity, true)));
        }
        for (JfrProfiler.Profile p : r.profiles) {
            blocks.add(new Heading(3, p.process()));
            blocks.add(new Text(String.format(Locale.ROOT, "%d CPU samples of Java code; %d GCs, %.0f ms of pauses; "
                    + "%.0f ms of JIT compilation in the phase.", p.samples(), p.gcCount(), p.gcPauseMillis(), p.compileMillis())));
            if (!p.threads().isEmpty()) {
                blocks.add(new Table(List.of("Threads (from /proc, digits folded)", "Cores", "Share"), entries(p.threads(), true)));
            }
            blocks.add(new Table(List.of("Library (self)", "Share"), entries(p.libraries(), false)));
            blocks.add(new Table(List.of("Method (self)", "Share"), entries(p.selfMethods(), false)));
            if (!p.kiranaInclusive().isEmpty()) {
                blocks.add(new Table(List.of("Kirana method (on stack)", "Share"), entries(p.kiranaInclusive(), false)));
            }
            if (!p.allocations().isEmpty()) {
                blocks.add(new Table(List.of("Allocated class", "MiB (sampled)", "Share"), entries(p.allocations(), true)));
            }
            if (!p.contendedLocks().isEmpty()) {
                blocks.add(new Table(List.of("Contended monitor", "ms blocked", "Share"), entries(p.contendedLocks(), true)));
            }
        }
    }

    private static List<List<String>> entries(List<JfrProfiler.Entry> entries, boolean withValue) {
        List<List<String>> rows = new ArrayList<>();
        for (JfrProfiler.Entry e : entries) {
            String share = String.format(Locale.ROOT, "%.1f %%", e.share() * 100);
            rows.add(withValue ? List.of("`" + e.name() + "`", String.format(Locale.ROOT, "%.2f", e.value()), share)
                    : List.of("`" + e.name() + "`", share));
        }
        return rows;
    }

    private void notes() {
        List<String> notes = new ArrayList<>();
        notes.add("- The suite, the load generator and everything else on this machine share its "
                + Runtime.getRuntime().availableProcessors() + " cores; the \"other processes\" CPU above says how much went elsewhere. "
                + "Numbers from a busy machine are noisy: compare runs by their ratios more than by absolute rates.");
        notes.add("- Throughput is confirmed orders whose intended send time fell in the phase, divided by the phase length; "
                + "latency percentiles are over confirmed orders only (errors and drops are counted separately, never hidden).");
        notes.add("- Phases run in a fixed order (gateway-many, gateway-hot, direct-many, 202 + poll) after a warm-up of "
                + secs(r.options.warmup.toMillis() / 1000.0) + (r.options.jitCold()
                ? ": too short for the JIT to compile the hot paths (JIT-cold), so later phases run on warmer code."
                : r.options.isShort() ? ", less than the full run's " + secs(BenchOptions.FULL_WARMUP.toMillis() / 1000.0)
                + ": later phases may still run on warmer code." : ", so every JVM has compiled its hot paths before the first "
                + "measured phase."));
        notes.addAll(r.notes.stream().map(n -> "- " + n).toList());
        blocks.add(new Heading(2, "Notes"));
        blocks.add(new Text(String.join("\n", notes)));
    }

    // ---- formatting ---------------------------------------------------------------------------------------------

    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v < 10 ? String.format(Locale.ROOT, "%.2f", v) : v < 100 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.0f", v);
    }

    static String pct(LatencyStats s) {
        return s.isEmpty() ? "–" : ms(s.p50()) + " / " + ms(s.p99()) + " / " + ms(s.p999());
    }

    static String perSec(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return "–";
        }
        double q = a / b;
        // small ratios keep two significant digits (0.0034, not 0.00)
        return q != 0 && Math.abs(q) < 0.1 ? String.format(Locale.ROOT, "%.2g", q) : String.format(Locale.ROOT, "%.2f", q);
    }

    static String delta(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%+.1f ms", a - b);
    }

    static String secs(double s) {
        return s >= 120 ? String.format(Locale.ROOT, "%.1f min", s / 60) : String.format(Locale.ROOT, "%.0f s", s);
    }

    static String check(boolean ok) {
        return ok ? "✔" : "✘";
    }

    private static String rate(PhaseResult p) {
        return Ramp.fmt(p.spec().targetRate()) + "/s";
    }

    private static double p99(PhaseResult p) {
        return p.confirmed().isEmpty() ? Double.POSITIVE_INFINITY : p.confirmed().p99();
    }
}

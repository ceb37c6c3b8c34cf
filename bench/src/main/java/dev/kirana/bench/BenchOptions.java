package dev.kirana.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command-line options of {@code ./kirana bench}. Every option has a default for the two modes
 * (full and {@code --quick}); explicit options override the mode's defaults.
 */
public final class BenchOptions {

    /** The full run's least warm-up: the JIT of every JVM has compiled the hot paths by then. */
    static final Duration FULL_WARMUP = Duration.ofMinutes(2);
    /** The full run's least length of a measured phase. */
    static final Duration FULL_PHASE = Duration.ofSeconds(60);

    static final List<Integer> DEFAULT_STEPS = List.of(5, 10, 15, 25, 35, 50, 75, 100, 150, 200, 300, 400, 500, 600, 800, 1000,
            1250, 1500);

    boolean quick;
    /** Gateway of an already running stack; null: the bench starts its own. */
    String gatewayUrl;
    /** order-service of the running stack (direct baseline); derived from the stack when null. */
    String directUrl;
    /** State directory of an already running stack (for PIDs and its PostgreSQL); optional with --gateway. */
    Path stateDir;
    /** Fixed rate for every measured phase (orders/s); null: found by the ramp. */
    Integer rate;
    List<Integer> steps = DEFAULT_STEPS;
    Duration step;
    Duration duration;
    Duration warmup;
    int warmupConcurrency = 4;
    double p99BoundMillis = 50;
    int maxInFlight = 400;
    int waitSeconds = 10;
    int products;
    Integer sqlConcurrency;
    boolean profile;
    boolean profileDirect;
    boolean poisson;
    long seed = 42;
    int portOffset = 2000;
    boolean keepData;
    /** Which measured phases run (and whether the bare-SQL baseline does): all by default. */
    java.util.Set<String> phases = PHASES;
    static final java.util.Set<String> PHASES = new java.util.LinkedHashSet<>(List.of("gateway-many", "gateway-hot",
            "direct-many", "gateway-many-poll", "sql"));
    /** The reports phase: a generated year of one shop's history, then every report's latency. */
    boolean reports;
    int reportSales = 100_000;
    int reportProducts = 2_000;
    int reportRequests = 50;
    int reportWarmup = 20;
    /** The soak mode: one fixed-rate phase of this length (null: no soak). */
    Duration soak;
    /** How often the soak samples every process's RSS and heap. */
    Duration soakSample = Duration.ofSeconds(10);
    /** Length of one latency slice of the soak (its drift is read from these). */
    Duration soakSlice = Duration.ofMinutes(1);
    Path outDir;
    List<String> originalArgs = List.of();

    private static final java.util.Set<String> VALUE_OPTIONS = java.util.Set.of("--gateway", "--direct", "--state-dir",
            "--rate", "--steps", "--step", "--duration", "--warmup", "--warmup-concurrency", "--p99", "--max-in-flight", "--wait",
            "--products", "--sql-concurrency", "--port-offset", "--out", "--seed", "--phases", "--report-sales", "--report-products",
            "--report-requests", "--report-warmup", "--soak", "--soak-sample", "--soak-slice");

    static final String USAGE = """
            Usage: ./kirana bench [--quick | --soak D] [options]

              --quick               about a minute of load (short ramp, 8 s phases); JIT-cold: the report says so and its
                                    figures do not compare with full runs. Default is the full run (2 min warm-up,
                                    60 s per measured phase; about a quarter of an hour)
              --soak D              soak mode: after the warm-up, one phase at a fixed rate for D (e.g. 30m, 2h)
                                    through the gateway; every process's RSS and heap are sampled at the start, every
                                    --soak-sample D (default 10s) and at the end, the latency is cut into
                                    --soak-slice D slices (default 1m) to show drift; the rate is --rate N, else the
                                    gateway ramp's; no other measured phases unless --phases names them
              --rate N              measure every phase at N orders/s (skips the ramps)
              --steps a,b,c         ramp rates in orders/s (default 5,10,15,25,35,50,75,100,150,200,300,...,1500);
                                    the ramp starts at the highest step under 60 % of the warm-up's rate
              --step D              length of one ramp step (quick 4s, full 10s)
              --duration D          length of each measured phase (quick 8s, full 60s; less marks the run "short")
              --warmup D            warm-up before the ramp (quick 10s, full and soak 2m; less marks the run "short"):
                                    a closed loop of --warmup-concurrency N clients (default 4), which cannot overload
                                    a cold suite
              --p99 MS              p99 bound a ramp step must meet to count as sustainable (default 50)
              --max-in-flight N     requests outstanding at most; arrivals beyond are dropped and counted (default 400)
              --wait S              Prefer: wait=S on place-order (default 10)
              --products N          products in the "many products" scenarios (quick 50, full 200)
              --sql-concurrency N   threads of the bare-SQL baseline (default: the gateway phase's mean concurrency)
              --poisson             Poisson arrivals instead of a constant interval (both are open-model)
              --profile[=direct]    add a JFR-profiled phase (through the gateway, or straight to order-service) and
                                    report the hot methods, libraries and threads of gateway, order-service and
                                    inventory-service (the headline names each one's hottest method)
              --gateway URL         use an already running stack instead of starting one (--direct URL: its
                                    order-service; --state-dir DIR: its state directory, for CPU and SQL checks)
              --port-offset N       port offset of the bench's own stack (default 2000)
              --keep-data           do not wipe the bench stack's PostgreSQL and Kafka data before starting
              --out DIR             where the report goes (default bench/results)
              --seed N              random seed (product choice, Poisson arrivals)
              --phases a,b          measured phases to run, of gateway-many, gateway-hot, direct-many,
                                    gateway-many-poll, sql (default all; none: only the ramps and --profile);
                                    --warmup 0 skips the warm-up
              --reports             add the reports phase: generate one shop's year of history (products, stock lots,
                                    sales with costs, voids, refunds, khata, expenses), publish it straight to Kafka,
                                    time reporting-service's projection, then measure every report and the dashboard
                                    (a day, a month, the year) through the gateway and direct to reporting-service;
                                    with --phases none only the reports phase runs (no order load, no ramps);
                                    the history goes into the demo shop of the stack: meant for the bench's own stack
              --report-sales N      sales in the generated year (default 100000)
              --report-products N   products in the generated shop (default 2000)
              --report-requests N   measured sequential requests per report and route (default 50)
              --report-warmup N     warm-up requests per report and route (default 20)
            Durations: 30s, 2m, 1h, 500ms or plain seconds.
            """;

    static BenchOptions parse(String... args) {
        BenchOptions o = new BenchOptions();
        o.originalArgs = List.of(args);
        Integer products = null;
        boolean phasesGiven = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--quick" -> o.quick = true;
                case "--full" -> o.quick = false;
                case "--profile" -> {
                    o.profile = true;
                    if (value != null) {
                        if (!List.of("gateway", "direct").contains(value)) {
                            throw new UsageException("--profile=" + value + ": gateway or direct");
                        }
                        o.profileDirect = "direct".equals(value);
                    }
                }
                case "--poisson" -> o.poisson = true;
                case "--keep-data" -> o.keepData = true;
                case "--reports" -> o.reports = true;
                case "-h", "--help", "help" -> throw new UsageException(null);
                default -> {
                    if (!VALUE_OPTIONS.contains(arg)) {
                        throw new UsageException("unknown option " + arg);
                    }
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException("missing value for " + arg);
                        }
                        value = args[++i];
                    }
                    switch (arg) {
                        case "--gateway" -> o.gatewayUrl = stripSlash(value);
                        case "--direct" -> o.directUrl = stripSlash(value);
                        case "--state-dir" -> o.stateDir = Path.of(value);
                        case "--rate" -> o.rate = positive(arg, value);
                        case "--steps" -> o.steps = steps(value);
                        case "--step" -> o.step = duration(arg, value);
                        case "--duration" -> o.duration = duration(arg, value);
                        case "--warmup" -> o.warmup = duration(arg, value);
                        case "--warmup-concurrency" -> o.warmupConcurrency = positive(arg, value);
                        case "--p99" -> o.p99BoundMillis = Double.parseDouble(value);
                        case "--max-in-flight" -> o.maxInFlight = positive(arg, value);
                        case "--wait" -> o.waitSeconds = nonNegative(arg, value);
                        case "--products" -> products = positive(arg, value);
                        case "--sql-concurrency" -> o.sqlConcurrency = positive(arg, value);
                        case "--port-offset" -> o.portOffset = nonNegative(arg, value);
                        case "--out" -> o.outDir = Path.of(value);
                        case "--seed" -> o.seed = Long.parseLong(value);
                        case "--phases" -> {
                            o.phases = phases(value);
                            phasesGiven = true;
                        }
                        case "--report-sales" -> o.reportSales = positive(arg, value);
                        case "--report-products" -> o.reportProducts = positive(arg, value);
                        case "--report-requests" -> o.reportRequests = positive(arg, value);
                        case "--report-warmup" -> o.reportWarmup = nonNegative(arg, value);
                        case "--soak" -> o.soak = positiveDuration(arg, value);
                        case "--soak-sample" -> o.soakSample = positiveDuration(arg, value);
                        case "--soak-slice" -> o.soakSlice = positiveDuration(arg, value);
                        default -> throw new UsageException("unknown option " + arg);
                    }
                }
            }
        }
        if (o.step == null) {
            o.step = Duration.ofSeconds(o.quick ? 4 : 10);
        }
        if (o.duration == null) {
            o.duration = o.quick ? Duration.ofSeconds(8) : FULL_PHASE;
        }
        if (o.warmup == null) {
            o.warmup = o.quick ? Duration.ofSeconds(10) : FULL_WARMUP;
        }
        if (o.soak != null && !phasesGiven) {
            o.phases = new java.util.LinkedHashSet<>();
        }
        if (o.soak != null && o.reports) {
            throw new UsageException("--soak and --reports: run them one at a time");
        }
        o.products = products != null ? products : (o.quick ? 50 : 200);
        if (o.directUrl != null && o.gatewayUrl == null) {
            throw new UsageException("--direct needs --gateway (the bench's own stack knows its order-service)");
        }
        return o;
    }

    String modeName() {
        return reportsOnly() ? "reports" : soak != null ? "soak" : quick ? "quick" : "full";
    }

    /** {@code --quick}: too short for the JIT to have compiled the suite's hot paths; its figures are JIT-cold. */
    boolean jitCold() {
        return quick;
    }

    /**
     * Where a full or soak run measured less than the full run's minimums (warm-up {@link #FULL_WARMUP},
     * measured phases {@link #FULL_PHASE}): such a run is "short" and its figures do not compare with
     * a full run's. Empty for {@code --quick} (JIT-cold instead) and the reports phase alone.
     */
    List<String> shortfalls() {
        List<String> out = new ArrayList<>();
        if (quick || reportsOnly()) {
            return out;
        }
        if (warmup.compareTo(FULL_WARMUP) < 0) {
            out.add("warm-up " + Report.secs(warmup.toMillis() / 1000.0) + " < " + Report.secs(FULL_WARMUP.toMillis() / 1000.0));
        }
        if (soak == null && !phases.isEmpty() && duration.compareTo(FULL_PHASE) < 0) {
            out.add("measured phases " + Report.secs(duration.toMillis() / 1000.0) + " < " + Report.secs(FULL_PHASE.toMillis() / 1000.0));
        }
        if (soak != null && soak.compareTo(soakSlice.multipliedBy(2)) < 0) {
            out.add("soak " + Report.secs(soak.toMillis() / 1000.0) + " < two slices of " + Report.secs(soakSlice.toMillis() / 1000.0));
        }
        return out;
    }

    boolean isShort() {
        return !shortfalls().isEmpty();
    }

    /** {@code --reports --phases none}: the reports phase alone, without the order load. */
    boolean reportsOnly() {
        return reports && phases.isEmpty();
    }

    boolean ownStack() {
        return gatewayUrl == null;
    }

    static Duration duration(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
            }
            if (t.endsWith("h")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 3_600_000));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": not a duration: " + text);
        }
    }

    private static Duration positiveDuration(String option, String text) {
        Duration d = duration(option, text);
        if (d.isNegative() || d.isZero()) {
            throw new UsageException(option + " must be positive");
        }
        return d;
    }

    static java.util.Set<String> phases(String text) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty() || p.equals("none")) {
                continue;
            }
            if (!PHASES.contains(p)) {
                throw new UsageException("--phases: unknown phase " + p + " (known: " + String.join(", ", PHASES) + ")");
            }
            out.add(p);
        }
        return out;
    }

    static List<Integer> steps(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(positive("--steps", part.trim()));
            }
        }
        if (out.isEmpty()) {
            throw new UsageException("--steps: no rates");
        }
        return out.stream().sorted().distinct().toList();
    }

    private static int positive(String option, String value) {
        int n = nonNegative(option, value);
        if (n == 0) {
            throw new UsageException(option + " must be positive");
        }
        return n;
    }

    private static int nonNegative(String option, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                throw new UsageException(option + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": not a number: " + value);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A wrong command line; the message (if any) is printed with the usage. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}

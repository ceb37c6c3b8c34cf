package dev.kirana.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code ./kirana bench}: starts the suite (or uses a running one), creates products and stock,
 * then runs open-model phases — warm-up, a ramp through the gateway and one straight to
 * order-service, measured phases (many products, one hot product, direct, 202 + poll), optionally a
 * JFR-profiled phase — and the bare-SQL baseline, checks the invariants and writes the report.
 */
public final class Main {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path root;
    private final BenchOptions o;
    private final PrintStream out = System.out;
    private final RunReport report = new RunReport();
    private LoadRunner runner;
    private Invariants invariants;
    private SqlStatements statements;
    private KiranaApi api;
    private Target target;
    private Fixture fixture;
    private long origin;

    private Main(Path root, BenchOptions o) {
        this.root = root;
        this.o = o;
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (BenchOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("kirana bench: " + e.getMessage());
            }
            (e.getMessage() == null ? System.out : System.err).print(BenchOptions.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        Path root = root();
        int code = new Main(root, options).run();
        System.exit(code);
    }

    static Path root() {
        String env = System.getenv("KIRANA_ROOT");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        return Path.of("").toAbsolutePath().normalize();
    }

    private int run() {
        report.options = o;
        report.mode = o.modeName();
        report.command = ("./kirana bench " + String.join(" ", o.originalArgs)).trim();
        report.machine = machine();
        report.git = git();
        report.products = o.products;
        String runId = Long.toString(System.currentTimeMillis() / 1000 % 10_000_000, 36).toUpperCase(Locale.ROOT)
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36).toUpperCase(Locale.ROOT);
        int code = 0;
        try {
            long t0 = System.nanoTime();
            if (o.jitCold()) {
                out.println("kirana bench (quick): JIT-cold — about a minute of load on JVMs that are still compiling; "
                        + "its figures do not compare with a full run's");
            } else if (o.isShort()) {
                out.println("kirana bench (" + o.modeName() + "): a short run (" + String.join(", ", o.shortfalls())
                        + "); the report says so");
            }
            if (o.ownStack()) {
                out.println("kirana bench (" + o.modeName() + "): starting the suite on port offset " + o.portOffset + " ...");
                target = Target.start(root, o);
                report.stackStartSeconds = (System.nanoTime() - t0) / 1e9;
            } else {
                target = Target.external(root, o);
            }
            report.target = target.description;
            out.println("kirana bench: gateway " + target.gatewayUrl + ", order-service " + target.directUrl);
            api = new KiranaApi(target.gatewayUrl);
            api.login();
            if (o.reportsOnly()) {
                origin = System.nanoTime();
                report.origin = java.time.Instant.now();
                if (!reportsPhase()) {
                    code = 1;
                }
                report.loadSeconds = (System.nanoTime() - origin) / 1e9;
                return code;
            }
            out.println("kirana bench: setting up " + o.products + " products + 1 hot product (shop " + api.shopId() + ")");
            fixture = Fixture.create(api, o.products, runId, out);
            report.setupSeconds = fixture.seconds;

            CpuSampler cpu = new CpuSampler(target::pids);
            cpuTicks = cpu.ticksPerSecond();
            if (!cpu.available()) {
                report.notes.add("CPU per process not measured: /proc is not readable here.");
            } else if (target.pids().isEmpty()) {
                report.notes.add("CPU per process not measured: the PIDs of the running stack are unknown (give --state-dir).");
            }
            origin = System.nanoTime();
            report.origin = java.time.Instant.now();
            runner = new LoadRunner(origin, cpu, o.maxInFlight, Duration.ofSeconds(o.waitSeconds + 25L));
            invariants = new Invariants(api, target, fixture, out);
            statements = new SqlStatements(target.db);
            report.statementsNote = statements.unavailable();
            if (cpu.available() && !target.pids().isEmpty()) {
                invariants.drain(Duration.ofSeconds(20));
                CpuSampler.Snapshot before = cpu.sample();
                KiranaApi.sleep(o.quick ? 3000 : 5000);
                report.idleCpu = cpu.delta(before, cpu.sample());
            }
            phases(cpu);
            report.loadSeconds = (System.nanoTime() - origin) / 1e9;

            out.println("kirana bench: draining, then checking the invariants ...");
            long clientConfirmed = report.allPhases().stream().filter(p -> p.spec().kind() != PhaseSpec.Kind.SQL)
                    .mapToLong(PhaseResult::confirmedCount).sum() + fixture.allProducts().size();
            report.invariants = invariants.check(Duration.ofSeconds(60), clientConfirmed);
            sagaStages();
            for (Invariants.Check c : report.invariants.checks()) {
                out.printf("  %s %s — %s%n", c.ok() == null ? "?" : c.ok() ? "✔" : "✘", c.name(), c.detail());
            }
            if (!report.invariants.allHeld()) {
                code = 1;
            }
            if (o.reports && !reportsPhase()) {
                code = 1;
            }
        } catch (Exception e) {
            report.failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            System.err.println("kirana bench: " + report.failure);
            e.printStackTrace();
            code = 1;
        } finally {
            if (origin > 0 && report.loadSeconds == 0) {
                report.loadSeconds = (System.nanoTime() - origin) / 1e9;
            }
            if (api != null) {
                api.close();
            }
            try {
                if (origin > 0) {
                    write();
                }
            } catch (IOException e) {
                System.err.println("kirana bench: cannot write the report: " + e.getMessage());
                code = 1;
            }
            if (target != null) {
                out.println("kirana bench: stopping the suite ...");
                target.close();
            }
        }
        return code;
    }

    // ---- the phases -----------------------------------------------------------------------------------------

    /** The reports phase (--reports); false when it failed (the failure is in the report). */
    private boolean reportsPhase() {
        try {
            report.reports = new ReportsBench(o, api, target, out).run();
            return report.reports.projected() && report.reports.endpoints().stream()
                    .allMatch(e -> e.gateway().errors() == 0 && (e.direct() == null || e.direct().errors() == 0));
        } catch (Exception e) {
            report.notes.add("The reports phase failed: " + e);
            System.err.println("kirana bench: the reports phase failed: " + e);
            e.printStackTrace();
            return false;
        }
    }

    private void phases(CpuSampler cpu) {
        try {
            loadPhases();
        } catch (SuiteStuckException e) {
            report.failure = e.getMessage();
            System.err.println("kirana bench: " + e.getMessage() + "; skipping the remaining load phases");
        }
        sqlBaseline(cpu);
    }

    private void loadPhases() {
        double bound = o.p99BoundMillis;
        // a cold suite flooded at a fixed rate falls over (circuit breakers open, orders time out): warm it up with
        // a closed loop, which goes only as fast as the suite answers
        if (!o.warmup.isZero()) {
            PhaseSpec warm = new PhaseSpec("warm-up", PhaseSpec.Kind.WARMUP, PhaseSpec.GATEWAY, "many", PhaseSpec.WAIT, 0,
                    o.warmupConcurrency);
            out.printf("  %-22s %d clients for %s ...%n", warm.name(), warm.concurrency(), Report.secs(o.warmup.toMillis() / 1000.0));
            report.warmup = runner.closedLoop(warm, o.warmup, orderSender(warm));
            line(report.warmup);
            quiesce(warm.name());
        }
        int rate;
        if (o.rate == null) {
            int start = rampStart();
            report.gatewayRamp = Ramp.climb(o.steps, start, bound, r ->
                    open(spec("ramp-gateway", PhaseSpec.Kind.RAMP, PhaseSpec.GATEWAY, "many", PhaseSpec.WAIT, r), o.step,
                            null, Math.max(10, r)));
            rate = report.gatewayRamp.chosen() > 0 ? report.gatewayRamp.chosen() : o.steps.get(0);
            report.rateSource = report.gatewayRamp.chosen() > 0
                    ? "the gateway ramp's " + (report.gatewayRamp.within() ? "highest step within the p99 bound" : "highest sustained step")
                    : "the lowest ramp step: none was sustained";
            out.println("kirana bench: gateway ramp chose " + report.gatewayRamp.describe(bound));
            // a soak needs only the gateway's rate
            if (o.soak == null) {
                // the direct rate is found by the criterion the gateway's rate met, so that the two compare like with like
                Ramp.Verdict criterion = report.gatewayRamp.within() ? Ramp.Verdict.WITHIN_BOUND : Ramp.Verdict.SUSTAINED;
                report.directRamp = Ramp.climb(o.steps, o.steps.indexOf(rate), bound, criterion, r ->
                        open(spec("ramp-direct", PhaseSpec.Kind.RAMP, PhaseSpec.DIRECT, "many", PhaseSpec.WAIT, r), o.step,
                                null, Math.max(10, r)));
                out.println("kirana bench: direct ramp chose " + report.directRamp.describe(bound));
            }
        } else {
            rate = o.rate;
            report.rateSource = "--rate";
        }
        report.measuredRate = rate;
        for (PhaseSpec s : List.of(
                spec("gateway-many", PhaseSpec.Kind.MEASURED, PhaseSpec.GATEWAY, "many", PhaseSpec.WAIT, rate),
                spec("gateway-hot", PhaseSpec.Kind.MEASURED, PhaseSpec.GATEWAY, "hot", PhaseSpec.WAIT, rate),
                spec("direct-many", PhaseSpec.Kind.MEASURED, PhaseSpec.DIRECT, "many", PhaseSpec.WAIT, rate),
                spec("gateway-many-poll", PhaseSpec.Kind.MEASURED, PhaseSpec.GATEWAY, "many", PhaseSpec.POLL, rate))) {
            if (o.phases.contains(s.name())) {
                report.measured.add(open(s, o.duration));
            }
        }
        if (o.profile) {
            profiled(rate);
        }
        if (o.soak != null) {
            soak(rate);
        }
    }

    /**
     * The soak: one phase through the gateway at a fixed rate for {@code --soak}, every process's
     * RSS and heap sampled at its start, every {@code --soak-sample} and at its end, its latency cut
     * into {@code --soak-slice} slices.
     */
    private void soak(int rate) {
        PhaseSpec spec = spec("soak", PhaseSpec.Kind.SOAK, PhaseSpec.GATEWAY, "many", PhaseSpec.WAIT, rate);
        Map<String, String> management = target.managementUrls();
        Soak.Sampler sampler = new Soak.Sampler(target::pids, management);
        List<Soak.Sample> samples = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        long start = System.nanoTime();
        samples.add(sampler.sample(0));
        java.util.concurrent.ScheduledExecutorService every = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "bench-soak-sampler");
            t.setDaemon(true);
            return t;
        });
        long period = o.soakSample.toMillis();
        PhaseRecorder recorder = runner.slicedRecorder(spec, o.soak, o.soakSlice);
        int[] printed = {0};
        every.scheduleAtFixedRate(() -> {
            try {
                soakTick(sampler, samples, recorder, start, printed);
            } catch (RuntimeException e) {
                // a failed sample must not end the sampling (an exception would cancel the schedule)
                System.err.println("kirana bench: soak sample failed: " + e);
            }
        }, period, period, TimeUnit.MILLISECONDS);
        out.printf("  %-22s %5d/s for %s; memory every %s, latency per %s ...%n", spec.name(), rate,
                Report.secs(o.soak.toMillis() / 1000.0), Report.secs(o.soakSample.toMillis() / 1000.0),
                Report.secs(o.soakSlice.toMillis() / 1000.0));
        PhaseResult r;
        try {
            r = runner.run(recorder, o.soak, o.poisson ? ArrivalSchedule.poisson(rate, o.seed + spec.name().hashCode())
                    : ArrivalSchedule.constant(rate), 0, orderSender(spec));
        } finally {
            every.shutdownNow();
            try {
                every.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        samples.add(sampler.sample((System.nanoTime() - start) / 1e9));
        line(r);
        List<Soak.Sample> taken;
        synchronized (samples) {
            taken = List.copyOf(samples);
        }
        report.soak = new Soak.Result(rate, o.soak, o.soakSample, o.soakSlice, r, recorder.slices(o.soak.toNanos() / 1e9), taken,
                management.isEmpty() ? "no management port known: heap not sampled"
                        : "`jvm_memory_used_bytes{area=\"heap\"}` of `/actuator/prometheus` on each service's management port");
        Soak.Drift d = report.soak.drift();
        out.printf(Locale.ROOT, "    p99 first slice %s ms, last slice %s ms (%s ms/hour)%n", Report.ms(d.firstP99()),
                Report.ms(d.lastP99()), Report.num(d.p99SlopeMsPerHour()));
        for (Soak.Memory m : report.soak.memory()) {
            out.printf(Locale.ROOT, "    %-18s RSS %s → %s MiB%s%n", m.process(), Report.mib(m.rssStart()), Report.mib(m.rssEnd()),
                    m.heapStart() < 0 ? "" : ", heap " + Report.mib(m.heapStart()) + " → " + Report.mib(m.heapEnd()) + " MiB");
        }
        quiesce(spec.name());
    }

    private double cpuTicks = 100;

    /** One memory sample of the soak, and a progress line when a slice has completed since the last. */
    private void soakTick(Soak.Sampler sampler, List<Soak.Sample> samples, PhaseRecorder recorder, long start, int[] printed) {
        Soak.Sample m = sampler.sample((System.nanoTime() - start) / 1e9);
        samples.add(m);
        List<Soak.Slice> done = recorder.slices(o.soak.toNanos() / 1e9);
        // the last slice is still filling; the one before it is complete
        if (done.size() - 1 > printed[0]) {
            Soak.Slice s = done.get(done.size() - 2);
            printed[0] = done.size() - 1;
            out.printf(Locale.ROOT, "    slice %d: %.0f/s, p50 %s, p99 %s ms; RSS MiB %s%n", s.index() + 1,
                    s.confirmedPerSecond(), Report.ms(s.p50()), Report.ms(s.p99()), m.rssBytes().entrySet().stream()
                            .map(e -> shortName(e.getKey()) + " " + Report.mib(e.getValue())).collect(Collectors.joining(", ")));
        }
    }

    private void profiled(int rate) {
        Map<String, Long> pids = target.pids().entrySet().stream()
                .filter(e -> List.of("gateway", "order-service", "inventory-service").contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
        if (pids.isEmpty()) {
            report.notes.add("--profile: no service PIDs known; nothing profiled.");
            return;
        }
        report.jfrDir = root.resolve("bench/target/jfr").resolve(STAMP.format(report.startedAt));
        JfrProfiler profiler = new JfrProfiler(report.jfrDir, pids, target.ownStack());
        if (!target.ownStack()) {
            report.notes.add("--profile on a stack the bench did not start: JFR was started in the warm JVMs (JFR.start), "
                    + "which makes them recompile code that does I/O; the profiled phase runs slower than the others.");
        }
        try {
            out.println("kirana bench: starting JFR in " + pids.keySet());
            profiler.start();
            PgActivitySampler pg = target.db == null ? null : new PgActivitySampler(target.db);
            report.profiled = load(o.profileDirect
                    ? spec("direct-many-profiled", PhaseSpec.Kind.PROFILED, PhaseSpec.DIRECT, "many", PhaseSpec.WAIT, rate)
                    : spec("gateway-many-profiled", PhaseSpec.Kind.PROFILED, PhaseSpec.GATEWAY, "many", PhaseSpec.WAIT, rate),
                    o.duration);
            if (pg != null) {
                pg.close();
                report.pgActivity = pg.top(15);
            }
            report.profiles = profiler.stopAndAnalyse(cpuTicks);
            quiesce(report.profiled.spec().name());
        } catch (IOException e) {
            report.notes.add("--profile failed: " + e.getMessage());
        }
    }

    /** Saga stage timings of the measured phases, from the services' databases. */
    private void sagaStages() {
        if (target.db == null) {
            return;
        }
        List<PhaseResult> phases = new java.util.ArrayList<>(report.measured);
        if (report.profiled != null) {
            phases.add(report.profiled);
        }
        if (report.soak != null) {
            phases.add(report.soak.phase());
        }
        for (PhaseResult p : phases) {
            java.time.Instant from = report.origin.plusNanos((long) (p.startSeconds() * 1e9));
            java.time.Instant to = from.plusNanos((long) (p.windowSeconds() * 1e9));
            try {
                report.stages.add(SagaStages.measure(target.db, api.shopId(), p.spec().name(), from, to));
            } catch (java.sql.SQLException e) {
                report.notes.add("Saga stage timings of " + p.spec().name() + " not read: " + e.getMessage());
            }
        }
    }

    private void sqlBaseline(CpuSampler cpu) {
        if (!o.phases.contains("sql")) {
            return;
        }
        if (target.db == null) {
            report.sqlNote = "Bare-SQL baseline skipped: no access to the stack's PostgreSQL (give --state-dir).";
            return;
        }
        PhaseResult gw = report.phase("gateway-many").orElse(null);
        int concurrency = o.sqlConcurrency != null ? o.sqlConcurrency
                : Math.max(2, gw == null ? 2 : (int) Math.ceil(gw.meanConcurrency()));
        SqlBaseline baseline = new SqlBaseline(target.db, root, o.products);
        try {
            baseline.prepare();
            report.sqlMigrations = baseline.migrations;
            Duration window = o.quick ? Duration.ofSeconds(5) : o.duration.compareTo(Duration.ofSeconds(20)) > 0
                    ? Duration.ofSeconds(20) : o.duration;
            for (boolean hot : new boolean[]{false, true}) {
                PhaseSpec spec = new PhaseSpec(hot ? "sql-hot" : "sql-many", PhaseSpec.Kind.SQL, PhaseSpec.SQL, hot ? "hot" : "many",
                        PhaseSpec.JDBC, 0, concurrency);
                out.printf("  %-22s %d connections for %s ...%n", spec.name(), concurrency, Report.secs(window.toMillis() / 1000.0));
                PhaseResult r = baseline.run(spec, window, hot, origin, cpu);
                report.sql.add(r);
                line(r);
            }
            report.sqlNote = "Concurrency " + concurrency + (o.sqlConcurrency != null ? " (--sql-concurrency)"
                    : String.format(Locale.ROOT, " (gateway-many's mean in flight %.1f, rounded up, at least 2)",
                    gw == null ? 0 : gw.meanConcurrency())) + ".";
        } catch (Exception e) {
            report.sqlNote = "Bare-SQL baseline failed: " + e.getMessage();
            System.err.println("kirana bench: " + report.sqlNote);
        } finally {
            baseline.drop();
        }
    }

    private PhaseSpec spec(String name, PhaseSpec.Kind kind, String target, String products, String mode, int rate) {
        return new PhaseSpec(name, kind, target, products, mode, rate, 0);
    }

    /**
     * Where the gateway ramp starts: the highest step under 60 % of what the closed-loop warm-up
     * managed (so a slow suite is not flooded with rates it cannot take), else the first step.
     */
    private int rampStart() {
        if (report.warmup == null) {
            return 0;
        }
        double hint = 0.6 * report.warmup.confirmedPerSecond();
        int start = 0;
        for (int i = 0; i < o.steps.size(); i++) {
            if (o.steps.get(i) <= hint) {
                start = i;
            }
        }
        return start;
    }

    private PhaseResult open(PhaseSpec spec, Duration window) {
        return open(spec, window, null, 0);
    }

    /** Runs one open-model phase, then lets the suite drain before the next. */
    private PhaseResult open(PhaseSpec spec, Duration window, ArrivalSchedule schedule, int abortAbove) {
        PhaseResult r = load(spec, window, schedule, abortAbove);
        quiesce(spec.name());
        return r;
    }

    private PhaseResult load(PhaseSpec spec, Duration window) {
        return load(spec, window, null, 0);
    }

    /** Runs one open-model phase (no draining afterwards). */
    private PhaseResult load(PhaseSpec spec, Duration window, ArrivalSchedule schedule, int abortAbove) {
        out.printf("  %-22s %5.0f/s for %s ...%n", spec.name(), spec.targetRate(), Report.secs(window.toMillis() / 1000.0));
        ArrivalSchedule s = schedule != null ? schedule : o.poisson
                ? ArrivalSchedule.poisson(spec.targetRate(), o.seed + spec.name().hashCode())
                : ArrivalSchedule.constant(spec.targetRate());
        boolean counted = spec.kind() == PhaseSpec.Kind.MEASURED && statements != null && statements.unavailable() == null;
        var before = counted ? statements.snapshot() : java.util.Map.<SqlStatements.Key, SqlStatements.Stat>of();
        PhaseResult r = runner.run(spec, window, s, abortAbove, orderSender(spec));
        if (counted) {
            report.statements.put(spec.name(), SqlStatements.delta(before, statements.snapshot()));
        }
        line(r);
        return r;
    }

    /** Places one order as the phase says: through the gateway or direct, a random product of its set, wait or poll. */
    private java.util.function.LongFunction<java.util.concurrent.CompletableFuture<Outcome>> orderSender(PhaseSpec spec) {
        String base = PhaseSpec.DIRECT.equals(spec.target()) ? target.directUrl : target.gatewayUrl;
        int wait = PhaseSpec.POLL.equals(spec.mode()) ? 0 : o.waitSeconds;
        List<String> products = "hot".equals(spec.products()) ? List.of(fixture.hot) : fixture.many;
        int n = products.size();
        java.util.SplittableRandom random = new java.util.SplittableRandom(o.seed ^ spec.name().hashCode() ^ (long) spec.targetRate());
        return intended -> {
            String product;
            synchronized (random) {
                product = products.get(n == 1 ? 0 : random.nextInt(n));
            }
            return api.placeOrder(base, product, wait);
        };
    }

    /**
     * Lets the suite finish what the phase left (PENDING orders, unsent outbox rows) and checks that
     * the gateway routes orders again (its circuit breaker may have opened under overload), so each
     * phase starts from a calm suite. A backlog that does not drain because a service transaction is
     * stuck ends the load phases: everything after would measure a wedged suite.
     */
    private void quiesce(String after) {
        if (target.db != null) {
            double waited = invariants.drain(Duration.ofSeconds(o.quick ? 20 : 40));
            long backlog = invariants.backlog();
            if (backlog > 0) {
                List<String> stuck = invariants.stuckTransactions(15);
                out.printf("    ! backlog of %d (PENDING orders + unsent outbox rows) still there after %.0f s%n", backlog, waited);
                stuck.forEach(s -> out.println("    ! " + s));
                if (!stuck.isEmpty()) {
                    throw new SuiteStuckException("after phase " + after + " the suite stopped draining (" + backlog
                            + " PENDING orders + unsent outbox rows) with a service transaction stuck: " + String.join("; ", stuck));
                }
                report.notes.add(String.format(Locale.ROOT, "After phase %s the suite still had a backlog of %d after %.0f s of draining.",
                        after, backlog, waited));
            } else if (waited > 2) {
                out.printf("    (suite drained its backlog in %.1f s)%n", waited);
            }
        } else {
            KiranaApi.sleep(3000);
        }
        probeGateway(after);
    }

    /** One order through the gateway, repeated until it is confirmed (at most ~45 s: an open breaker waits 20 s). */
    private void probeGateway(String after) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        String last = null;
        int attempts = 0;
        while (System.nanoTime() < deadline) {
            attempts++;
            try {
                Outcome probe = api.placeOrder(target.gatewayUrl, fixture.many.get(0), o.waitSeconds).get(o.waitSeconds + 20L, TimeUnit.SECONDS);
                if (probe.kind() == Outcome.Kind.CONFIRMED) {
                    if (attempts > 1) {
                        out.printf("    (the gateway routed orders again after %d probes)%n", attempts);
                    }
                    return;
                }
                last = probe.kind() + " " + probe.httpStatus() + " " + probe.detail();
            } catch (Exception e) {
                last = e.toString();
            }
            KiranaApi.sleep(2000);
        }
        report.notes.add("After phase " + after + " orders through the gateway kept failing for 45 s (" + last + ").");
        out.println("    ! orders through the gateway still fail after phase " + after + ": " + last);
    }

    /** The suite stopped making progress; the remaining load phases would measure nothing useful. */
    static final class SuiteStuckException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SuiteStuckException(String message) {
            super(message);
        }
    }

    private void line(PhaseResult r) {
        String cpu = r.cpu().entrySet().stream()
                .filter(e -> !CpuSampler.MACHINE.equals(e.getKey()))
                .map(e -> shortName(e.getKey()) + " " + String.format(Locale.ROOT, "%.2f", e.getValue().cores()))
                .collect(Collectors.joining(", "));
        out.printf(Locale.ROOT, "    confirmed %.0f/s, p50 %s, p99 %s, p99.9 %s ms; rejected %d, errors %d, dropped %d%s%n",
                r.confirmedPerSecond(), Report.ms(r.confirmed().p50()), Report.ms(r.confirmed().p99()),
                Report.ms(r.confirmed().p999()), r.rejectedCount(), r.errorCount(), r.dropped(),
                cpu.isEmpty() ? "" : "\n    cores: " + cpu);
        r.errors().entrySet().stream().limit(3).forEach(e -> out.println("    error: " + e.getKey() + " ×" + e.getValue()));
    }

    private static String shortName(String name) {
        return name.replace("-service", "").replace(" (load generator)", "");
    }

    // ---- output ---------------------------------------------------------------------------------------------

    private void write() throws IOException {
        Path dir = o.outDir != null ? o.outDir : root.resolve("bench").resolve("results");
        Files.createDirectories(dir);
        String base = STAMP.format(report.startedAt) + "-" + o.modeName();
        Path md = dir.resolve(base + ".md");
        Path html = dir.resolve(base + ".html");
        Files.writeString(md, Report.markdown(report, html.getFileName().toString()), StandardCharsets.UTF_8);
        Files.writeString(html, Report.html(report), StandardCharsets.UTF_8);
        Files.copy(md, dir.resolve("latest.md"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(html, dir.resolve("latest.html"), StandardCopyOption.REPLACE_EXISTING);
        out.println("kirana bench: report written to " + md + " and " + html + " (also latest.md / latest.html)");
    }

    private String machine() {
        StringBuilder m = new StringBuilder();
        m.append(Runtime.getRuntime().availableProcessors()).append(" cores");
        try {
            String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D+", "");
            m.append(String.format(Locale.ROOT, ", %.0f GiB RAM", Long.parseLong(mem) / 1024.0 / 1024.0));
            m.append(", load average at start ").append(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        m.append(", Java ").append(System.getProperty("java.version")).append(" (").append(System.getProperty("java.vm.name"))
                .append("), ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"));
        return m.toString();
    }

    private String git() {
        String head = exec("git", "rev-parse", "--short", "HEAD");
        String branch = exec("git", "rev-parse", "--abbrev-ref", "HEAD");
        String dirty = exec("git", "status", "--porcelain", "--untracked-files=no");
        if (head.isEmpty()) {
            return "unknown (not a git checkout)";
        }
        long changed = dirty.isBlank() ? 0 : dirty.lines().count();
        return "`" + head + "` on " + branch + (changed > 0 ? " with " + changed + " uncommitted changed files (other engineers' work in progress)" : "");
    }

    private String exec(String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "";
            }
            return text;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}

package dev.kirana.bench;

import dev.kirana.localstack.KiranaStack;
import dev.kirana.localstack.ProcessRecord;
import dev.kirana.localstack.ServiceDef;
import dev.kirana.localstack.StackControl;
import dev.kirana.localstack.StackException;
import dev.kirana.localstack.StackState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The suite under load: the bench's own stack (started by the same launcher as {@code ./kirana up},
 * in its own state directory and on shifted ports so it runs beside a developer's stack), or an
 * already running one given by {@code --gateway}.
 */
final class Target implements AutoCloseable {
    /** Processes whose CPU is reported, in report order. */
    static final List<String> PROCESSES = List.of("gateway", "auth-service", "catalog-service", "inventory-service",
            "order-service", "accounting-service", "reporting-service", "kafka", "postgres");

    /**
     * The gateway's per-user and per-shop limits (20/s and 100/s by default, reports 5/s per user) would cap one
     * bench user.
     */
    static final Map<String, String> RATE_LIMITS = Map.of(
            "KIRANA_RATE_LIMIT_USER_RATE", "1000000",
            "KIRANA_RATE_LIMIT_USER_BURST", "1000000",
            "KIRANA_RATE_LIMIT_SHOP_RATE", "1000000",
            "KIRANA_RATE_LIMIT_SHOP_BURST", "1000000",
            "KIRANA_RATE_LIMIT_REPORTS_USER_RATE", "1000000",
            "KIRANA_RATE_LIMIT_REPORTS_USER_BURST", "1000000");

    final String gatewayUrl;
    final String directUrl;
    /** reporting-service itself (the reports phase's direct baseline); null when unknown. */
    final String reportingUrl;
    /** reporting-service's management port (actuator, the read-model rebuild); null when unknown. */
    final String reportingManagementUrl;
    /** Kafka of the stack (the reports phase publishes its generated history there); null when unknown. */
    final String kafkaBootstrap;
    final String description;
    final Db db;
    private final KiranaStack stack;
    private final Map<String, Long> externalPids;
    /** Management ports (actuator) of the running stack's services, by name; from its state file when external. */
    private final Map<String, String> externalManagementUrls;

    private Target(String gatewayUrl, String directUrl, String reportingUrl, String reportingManagementUrl,
                   String kafkaBootstrap, String description, Db db, KiranaStack stack, Map<String, Long> externalPids,
                   Map<String, String> externalManagementUrls) {
        this.gatewayUrl = gatewayUrl;
        this.directUrl = directUrl;
        this.reportingUrl = reportingUrl;
        this.reportingManagementUrl = reportingManagementUrl;
        this.kafkaBootstrap = kafkaBootstrap;
        this.description = description;
        this.db = db;
        this.stack = stack;
        this.externalPids = externalPids;
        this.externalManagementUrls = externalManagementUrls;
    }

    static Target start(Path root, BenchOptions o) throws StackException {
        Path stateDir = root.resolve("bench").resolve("target").resolve("kirana-stack");
        try {
            Files.createDirectories(stateDir);
            if (StackControl.runningLauncher(stateDir).isPresent()) {
                throw new StackException("another bench stack is running in " + stateDir
                        + " (a second ./kirana bench?); stop it first");
            }
            if (!o.keepData) {
                // stop what a crashed earlier bench left behind, then start from empty databases and topics
                StackControl.down(stateDir, System.out);
                wipe(stateDir.resolve("postgres"));
                wipe(stateDir.resolve("kafka"));
            }
        } catch (IOException e) {
            throw new StackException("cannot prepare " + stateDir + ": " + e.getMessage(), e);
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        RATE_LIMITS.forEach(env::putIfAbsent);
        env.putIfAbsent("KIRANA_ROOT", root.toString());
        if (o.profile) {
            // JFR from the JVM's start, dumped for the profiled phase (JfrProfiler): started mid-run, JFR instruments
            // JDK classes for its I/O events and the JVMs recompile their hot code, which stalled the suite
            String opts = env.getOrDefault("KIRANA_JAVA_OPTS", "");
            env.put("KIRANA_JAVA_OPTS", (JfrProfiler.AT_LAUNCH + " " + opts).trim());
        }
        KiranaStack stack = KiranaStack.builder()
                .root(root)
                .stateDir(stateDir)
                .portOffset(o.portOffset)
                .readinessTimeout(Duration.ofMinutes(6))
                .environment(env)
                .registerShutdownHook(true)
                .build();
        try {
            stack.start();
        } catch (StackException | RuntimeException e) {
            stack.close();
            throw e;
        }
        var endpoints = stack.endpoints();
        Db db = new Db(endpoints.dbHost(), endpoints.dbPort(), endpoints.dbUser(), endpoints.dbPassword());
        String description = "own stack (state " + root.relativize(stateDir) + ", port offset " + o.portOffset
                + ", gateway rate limits raised to " + env.get("KIRANA_RATE_LIMIT_USER_RATE") + "/s)"
                + stack.coldStartTime().map(d -> String.format(", started in %.0f s", d.toMillis() / 1000.0)).orElse("");
        return new Target(stack.gatewayUrl(), stack.serviceUrl("order-service"), stack.serviceUrl("reporting-service"),
                stack.managementUrl("reporting-service"), stack.kafkaBootstrap(), description, db, stack, null, null);
    }

    /** An already running stack; its state directory (if found) gives PIDs, order-service's port and PostgreSQL. */
    static Target external(Path root, BenchOptions o) {
        Optional<StackState> state = Optional.empty();
        Path stateDir = o.stateDir;
        try {
            if (stateDir == null) {
                Path dflt = root.resolve(".kirana");
                if (StackControl.runningLauncher(dflt).isPresent()) {
                    Optional<StackState> s = StackState.read(dflt);
                    int gatewayPort = URI.create(o.gatewayUrl).getPort();
                    if (s.isPresent() && s.get().getLong("port.gateway", -1) == gatewayPort) {
                        state = s;
                        stateDir = dflt;
                    }
                }
            } else {
                state = StackState.read(stateDir);
                if (state.isEmpty()) {
                    System.out.println("bench: no stack state in " + stateDir + "; CPU and SQL checks are skipped");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String direct = o.directUrl;
        String reporting = null;
        String reportingManagement = null;
        String kafka = null;
        Db db = null;
        Map<String, Long> pids = new LinkedHashMap<>();
        Map<String, String> management = new LinkedHashMap<>();
        if (state.isPresent()) {
            StackState s = state.get();
            if (direct == null && s.getLong("port.order-service", -1) > 0) {
                direct = "http://127.0.0.1:" + s.getLong("port.order-service", -1);
            }
            if (s.getLong("port.reporting-service", -1) > 0) {
                reporting = "http://127.0.0.1:" + s.getLong("port.reporting-service", -1);
            }
            if (s.getLong(StackState.MANAGEMENT_PORT + "reporting-service", -1) > 0) {
                reportingManagement = "http://127.0.0.1:" + s.getLong(StackState.MANAGEMENT_PORT + "reporting-service", -1);
            }
            kafka = s.get("kafka.bootstrap").orElse(null);
            if (s.get("postgres.host").isPresent()) {
                db = new Db(s.get("postgres.host").get(), (int) s.getLong("postgres.port", 5432), "postgres", "");
            }
            for (ProcessRecord r : s.processes()) {
                pids.put(r.name(), r.pid());
            }
            for (String name : PROCESSES) {
                long port = s.getLong(StackState.MANAGEMENT_PORT + name, -1);
                if (port > 0) {
                    management.put(name, "http://127.0.0.1:" + port);
                }
            }
        }
        if (direct == null) {
            throw new BenchOptions.UsageException("cannot tell where order-service runs: give --direct URL or --state-dir DIR");
        }
        String description = "running stack at " + o.gatewayUrl + (stateDir != null ? " (state " + stateDir + ")" : "")
                + " — its gateway rate limits apply (start it with KIRANA_RATE_LIMIT_USER_RATE etc. raised)";
        return new Target(o.gatewayUrl, direct, reporting, reportingManagement, kafka, description, db, null, pids, management);
    }

    /** PIDs of the suite's processes that run now, by name. */
    Map<String, Long> pids() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String name : PROCESSES) {
            OptionalLong pid = OptionalLong.empty();
            if (stack != null) {
                pid = stack.pid(name);
            } else if (externalPids != null && externalPids.containsKey(name)) {
                long p = externalPids.get(name);
                pid = ProcessHandle.of(p).filter(ProcessHandle::isAlive).isPresent() ? OptionalLong.of(p) : OptionalLong.empty();
            }
            pid.ifPresent(p -> out.put(name, p));
        }
        return out;
    }

    /** Management ports (actuator: health, prometheus) of the services whose port is known, by name. */
    Map<String, String> managementUrls() {
        if (stack == null) {
            return externalManagementUrls == null ? Map.of() : externalManagementUrls;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : PROCESSES) {
            try {
                out.put(name, stack.managementUrl(name));
            } catch (RuntimeException e) {
                // kafka and postgres are no services of the suite
            }
        }
        return out;
    }

    boolean ownStack() {
        return stack != null;
    }

    Optional<Path> logFile(String name) {
        return stack == null ? Optional.empty() : Optional.of(stack.logFile(name));
    }

    /** The databases of the suite's services (outbox checks). */
    static List<String> serviceDatabases() {
        return ServiceDef.databases();
    }

    private static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public void close() {
        if (stack != null) {
            stack.close();
        }
    }
}

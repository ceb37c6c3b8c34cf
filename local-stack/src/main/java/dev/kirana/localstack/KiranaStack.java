package dev.kirana.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The whole Kirana suite on one machine: a real PostgreSQL (zonky embedded binaries), a real
 * Kafka broker (KRaft, own process) and every service as its own JVM, wired together through
 * environment variables.
 *
 * <p>{@code ./kirana up} and the system tests use this same class:
 * <pre>{@code
 * try (KiranaStack stack = KiranaStack.builder().root(root).portOffset(100).build()) {
 *     stack.start();
 *     HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/...")) ...);
 *     stack.killHard("inventory-service");
 *     stack.startService("inventory-service");
 * }
 * }</pre>
 *
 * <p>Everything the stack starts is recorded in its state directory ({@link StackState}) as soon
 * as it starts, so a launcher that dies without cleaning up leaves enough behind for
 * {@code ./kirana down} — and the next {@code start()} — to stop what is left.
 */
public final class KiranaStack implements AutoCloseable {

    /** Grace period for a service to shut down after SIGTERM before it is killed. */
    static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);
    /** Grace period for the Kafka broker (it flushes and closes its logs). */
    static final Duration KAFKA_STOP_GRACE = Duration.ofSeconds(30);
    /** Time PostgreSQL gets to accept connections (crash recovery of a big data directory takes a while). */
    static final Duration POSTGRES_START_TIMEOUT = Duration.ofSeconds(120);
    /** Time the broker gets to answer metadata requests after it was launched. */
    static final Duration KAFKA_START_TIMEOUT = Duration.ofSeconds(120);

    private static final String LOCK_FILE = "launcher.lock";

    private final Path root;
    private final Path stateDir;
    private final PortLayout ports;
    private final Endpoints endpoints;
    private final Duration readinessTimeout;
    private final boolean infraOnly;
    private final Map<String, String> launcherEnv;
    private final List<String> javaOpts;
    private final int parallelism;
    private final PrintStream out;
    private final String kafkaClasspath;
    private final boolean registerShutdownHook;
    private final String javaCommand;
    private final int javaFeature;

    /** Guards the process references below against a concurrent {@link #close()} (Ctrl-C during start). */
    private final Object lock = new Object();
    private final StackState state = new StackState();
    private final Map<String, Process> services = new LinkedHashMap<>();
    /** Services stopped on purpose ({@link #killHard}, {@link #stopService}): the watchdog stays quiet. */
    private final Set<String> expectedExits = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private EmbeddedPostgresServer postgres;
    private Process kafka;
    private FileChannel lockChannel;
    private FileLock fileLock;
    private Thread shutdownHook;
    private Thread watchdog;
    private boolean started;
    private boolean closed;
    private volatile Duration coldStart;

    private KiranaStack(Builder builder) {
        this.root = builder.root;
        this.stateDir = builder.stateDir;
        this.ports = new PortLayout(builder.portOffset);
        this.launcherEnv = Map.copyOf(builder.environment);
        this.endpoints = Endpoints.resolve(launcherEnv, ports);
        this.readinessTimeout = builder.readinessTimeout;
        this.infraOnly = builder.infraOnly;
        this.javaOpts = builder.javaOpts != null ? List.copyOf(builder.javaOpts)
                : JvmOptions.split(launcherEnv.get("KIRANA_JAVA_OPTS"));
        this.parallelism = builder.parallelism;
        this.out = builder.out;
        this.kafkaClasspath = builder.kafkaClasspath != null ? builder.kafkaClasspath : defaultKafkaClasspath(root);
        this.registerShutdownHook = builder.registerShutdownHook;
        this.javaCommand = Processes.currentJava();
        this.javaFeature = Processes.currentJavaFeature();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    /**
     * Starts PostgreSQL and Kafka (unless external), creates databases and topics, then starts
     * the services and waits until every one reports ready. On any failure everything already
     * started is stopped again and the exception says what failed, with the tail of its log.
     *
     * @throws AlreadyRunningException if another launcher runs a stack in the same state directory
     * @throws StackException          if anything fails to start in time
     */
    public void start() throws StackException {
        long t0 = System.nanoTime();
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException("this stack has already been started");
            }
            started = true;
        }
        try {
            Files.createDirectories(logsDir());
            Files.createDirectories(stateDir.resolve("cds"));
        } catch (IOException e) {
            throw new StackException("cannot create the state directory " + stateDir + ": " + e.getMessage(), e);
        }
        acquireLock();
        try {
            StackControl.stopLeftovers(stateDir, out);
            Files.deleteIfExists(stateDir.resolve(StackState.READY_FILE));
            checkPortsFree();
            rotateLogs();
            recordLauncher();
            if (registerShutdownHook) {
                shutdownHook = new Thread(this::closeQuietly, "kirana-stack-shutdown");
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
            out.printf("Starting Kirana %s (state: %s, port offset %d, Java %d)%n",
                    infraOnly ? "infrastructure" : "stack", stateDir, ports.offset(), javaFeature);

            // Kafka (format + launch + topics) runs on its own thread while PostgreSQL starts here:
            // both spend most of their start-up waiting on their own process
            ExecutorService kafkaThread = Executors.newSingleThreadExecutor(daemon("kirana-kafka-start"));
            CompletableFuture<Void> kafkaReady = CompletableFuture.runAsync(() -> {
                try {
                    launchKafka();
                } catch (Exception e) {
                    throw new CompletionWrapper(e);
                }
            }, kafkaThread);
            kafkaThread.shutdown();
            try {
                launchPostgres();
            } catch (StackException | IOException | RuntimeException e) {
                // stopping now also stops Kafka, so its start thread gives up instead of being waited for
                closeQuietly();
                throw e;
            }
            awaitKafka(kafkaReady);
            if (!infraOnly) {
                startServices(ServiceDef.ALL);
            }
            coldStart = Duration.ofNanos(System.nanoTime() - t0);
            synchronized (lock) {
                checkNotClosed();
                state.put("ready", "true").put("startup.millis", coldStart.toMillis());
                saveState();
                StackState.writeAtomically(stateDir.resolve(StackState.READY_FILE),
                        ProcessHandle.current().pid() + "\n");
            }
            startWatchdog();
        } catch (StackException | RuntimeException e) {
            closeQuietly();
            throw e;
        } catch (IOException e) {
            closeQuietly();
            throw new StackException("start failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly();
            throw new StackException("start interrupted", e);
        }
    }

    /**
     * Stops every service (gateway first, then the domain services, auth last), then Kafka, then
     * PostgreSQL, and removes the PID and state files. Safe to call more than once and from a
     * shutdown hook.
     */
    @Override
    public void close() {
        Process kafkaProcess;
        EmbeddedPostgresServer postgresServer;
        List<Map.Entry<String, Process>> running;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (fileLock == null) {
                // never owned the state directory (not started, or another launcher holds it):
                // nothing here was started by this instance, and the files belong to the other one
                closedLatch.countDown();
                return;
            }
            running = new ArrayList<>(services.entrySet());
            services.clear();
            kafkaProcess = kafka;
            kafka = null;
            postgresServer = postgres;
            postgres = null;
        }
        try {
            if (watchdog != null) {
                watchdog.interrupt();
            }
            running.forEach(e -> expectedExits.add(e.getKey()));
            stopServicesInWaves(running);
            if (kafkaProcess != null && kafkaProcess.isAlive()) {
                out.println("Stopping Kafka (pid " + kafkaProcess.pid() + ")");
                Processes.terminate(kafkaProcess, KAFKA_STOP_GRACE);
            }
            if (!endpoints.externalDb()) {
                if (postgresServer != null) {
                    out.println("Stopping PostgreSQL");
                    try {
                        postgresServer.close();
                    } catch (IOException e) {
                        out.println("PostgreSQL did not stop cleanly: " + e.getMessage());
                    }
                }
                // a postmaster whose start raced with this close is not in postgresServer yet
                EmbeddedPostgresServer.stopLeftover(stateDir);
            }
            StackState.clear(stateDir);
            out.println("Kirana stack stopped.");
        } catch (IOException e) {
            out.println("Could not remove the state files: " + e.getMessage());
        } finally {
            releaseLock();
            removeShutdownHook();
            closedLatch.countDown();
        }
    }

    /** Blocks until {@link #close()} has completed (the foreground launcher waits here for Ctrl-C). */
    public void awaitClose() throws InterruptedException {
        closedLatch.await();
    }

    // ---- per-service control (system tests: crash and recovery journeys) ------------------------

    /** Kills a service with SIGKILL (no graceful shutdown, like a crashed pod) and waits until it is gone. */
    public void killHard(String service) {
        ServiceDef def = ServiceDef.require(service);
        Process process = detach(def);
        if (process != null) {
            Processes.kill(process);
            out.printf("  %-19s killed (pid %d)%n", def.name(), process.pid());
        }
    }

    /** Stops a service gracefully: SIGTERM, then SIGKILL if it is still running after 20 s. */
    public void stopService(String service) {
        ServiceDef def = ServiceDef.require(service);
        Process process = detach(def);
        if (process != null) {
            Processes.terminate(process, SERVICE_STOP_GRACE);
            out.printf("  %-19s stopped (pid %d)%n", def.name(), process.pid());
        }
    }

    /**
     * Starts a service that is not running (after {@link #killHard} or {@link #stopService}) and
     * waits until it is ready.
     *
     * @throws IllegalStateException if the service is running or the stack is not started
     * @throws StackException        if it does not become ready within the readiness timeout
     */
    public void startService(String service) throws StackException {
        ServiceDef def = ServiceDef.require(service);
        synchronized (lock) {
            if (!started || closed) {
                throw new IllegalStateException("the stack is not running");
            }
            Process existing = services.get(def.name());
            if (existing != null && existing.isAlive()) {
                throw new IllegalStateException(def.name() + " is already running (pid " + existing.pid() + ")");
            }
        }
        awaitPortFree(ports.service(def), Duration.ofSeconds(15));
        awaitPortFree(ports.management(def), Duration.ofSeconds(15));
        startAndAwait(def, new AtomicBoolean());
        expectedExits.remove(def.name());
    }

    /** Whether the service's process is alive (it may not be ready yet). */
    public boolean isRunning(String service) {
        ServiceDef def = ServiceDef.require(service);
        synchronized (lock) {
            Process process = services.get(def.name());
            return process != null && process.isAlive();
        }
    }

    /** Whether the service answers its readiness probe (on its management port) with 200 right now. */
    public boolean isReady(String service) {
        return Readiness.isReady(ports.management(ServiceDef.require(service)));
    }

    // ---- infrastructure faults (system tests: a broker restart, a database crash) ----------------

    /**
     * Kills the Kafka broker the stack runs with SIGKILL (a crashed broker: no controlled shutdown) and
     * waits until it is gone. Services keep running and reconnect once {@link #startKafka()} has brought it back.
     *
     * @throws IllegalStateException if Kafka is external or not running
     */
    public void killKafka() {
        Process process;
        synchronized (lock) {
            requireRunning();
            if (endpoints.externalKafka() || kafka == null) {
                throw new IllegalStateException("the stack does not run a Kafka broker of its own");
            }
            process = kafka;
            kafka = null;
            expectedExits.add("kafka");
        }
        Processes.kill(process);
        out.printf("  %-19s killed (pid %d)%n", "kafka", process.pid());
    }

    /**
     * Starts the broker again (same log directory, so no record is lost) after {@link #killKafka()} and waits
     * until it answers metadata requests.
     *
     * @throws IllegalStateException if it runs or the stack is not running
     */
    public void startKafka() throws StackException {
        synchronized (lock) {
            requireRunning();
            if (endpoints.externalKafka() || (kafka != null && kafka.isAlive())) {
                throw new IllegalStateException("the broker is external or already running");
            }
        }
        awaitPortFree(ports.kafka(), Duration.ofSeconds(15));
        awaitPortFree(ports.kafkaController(), Duration.ofSeconds(15));
        try {
            launchKafka();
        } catch (IOException e) {
            throw new StackException("Kafka failed to start again: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while starting Kafka", e);
        }
        expectedExits.remove("kafka");
    }

    /**
     * Stops PostgreSQL immediately, as {@code pg_ctl stop -m immediate} does (SIGQUIT to the postmaster):
     * every session is cut off, nothing is checkpointed; the services see their connections fail until
     * {@link #startPostgres()} brings it back through crash recovery.
     *
     * @throws IllegalStateException if PostgreSQL is external or not running
     */
    public void stopPostgresImmediately() throws StackException {
        EmbeddedPostgresServer server;
        synchronized (lock) {
            requireRunning();
            if (endpoints.externalDb() || postgres == null) {
                throw new IllegalStateException("the stack does not run a PostgreSQL server of its own");
            }
            server = postgres;
            postgres = null;
            state.removeProcess("postgres");
            saveStateQuietly();
        }
        long pid = server.postmasterPid().orElse(-1);
        try {
            boolean clean = server.stopImmediately();
            out.printf("  %-19s stopped immediately (pid %d)%s%n", "postgres", pid, clean ? "" : "; it had to be killed");
        } catch (IOException e) {
            throw new StackException("PostgreSQL did not stop: " + e.getMessage(), e);
        }
    }

    /**
     * Starts PostgreSQL again on its data directory after {@link #stopPostgresImmediately()} and waits until
     * it accepts connections (after crash recovery).
     *
     * @throws IllegalStateException if it runs or the stack is not running
     */
    public void startPostgres() throws StackException {
        synchronized (lock) {
            requireRunning();
            if (endpoints.externalDb() || postgres != null) {
                throw new IllegalStateException("PostgreSQL is external or already running");
            }
        }
        awaitPortFree(ports.postgres(), Duration.ofSeconds(15));
        try {
            launchPostgres();
        } catch (IOException e) {
            throw new StackException("PostgreSQL failed to start again: " + e.getMessage(), e);
        }
    }

    private void requireRunning() {
        if (!started || closed) {
            throw new IllegalStateException("the stack is not running");
        }
    }

    // ---- where things are ---------------------------------------------------------------------

    public String gatewayUrl() {
        return ports.serviceUrl(ServiceDef.GATEWAY);
    }

    public String swaggerUiUrl() {
        return gatewayUrl() + "/swagger-ui.html";
    }

    /** Base URL of one service, e.g. {@code http://127.0.0.1:8084} for {@code order-service}. */
    public String serviceUrl(String service) {
        return ports.serviceUrl(ServiceDef.require(service).name());
    }

    /**
     * Base URL of one service's management port (actuator), e.g. {@code http://127.0.0.1:18086} for
     * {@code reporting-service}.
     */
    public String managementUrl(String service) {
        return ports.managementUrl(ServiceDef.require(service).name());
    }

    public String kafkaBootstrap() {
        return endpoints.kafkaBootstrap();
    }

    /** JDBC URL of one of the suite's databases (user {@link Endpoints#dbUser()}). */
    public String jdbcUrl(String database) {
        return endpoints.jdbcUrl(database);
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public PortLayout ports() {
        return ports;
    }

    public Path root() {
        return root;
    }

    public Path stateDir() {
        return stateDir;
    }

    public Path logFile(String name) {
        String file = ServiceDef.find(name).map(ServiceDef::name).orElse(name);
        return logsDir().resolve(file + ".log");
    }

    public boolean isInfraOnly() {
        return infraOnly;
    }

    /** Time from {@link #start()} to everything ready; empty until then. */
    public Optional<Duration> coldStartTime() {
        return Optional.ofNullable(coldStart);
    }

    /** PID of {@code postgres}, {@code kafka} or a service, if the stack started it and it runs. */
    public OptionalLong pid(String name) {
        synchronized (lock) {
            if ("kafka".equals(name)) {
                return kafka != null && kafka.isAlive() ? OptionalLong.of(kafka.pid()) : OptionalLong.empty();
            }
            if ("postgres".equals(name)) {
                return postgres != null ? postgres.postmasterPid() : OptionalLong.empty();
            }
            Process process = services.get(ServiceDef.require(name).name());
            return process != null && process.isAlive() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
        }
    }

    /** The lines {@code ./kirana up} prints once everything is ready. */
    public List<String> summary() {
        return Banner.lines(ports, endpoints, infraOnly, stateDir, coldStart);
    }

    // ---- infrastructure -------------------------------------------------------------------------

    private void launchPostgres() throws StackException, IOException {
        if (endpoints.externalDb()) {
            out.printf("  %-19s external at %s:%d%n", "postgres", endpoints.dbHost(), endpoints.dbPort());
        } else {
            long t0 = System.nanoTime();
            Path logFile = logsDir().resolve("postgres.log");
            EmbeddedPostgresServer server;
            try {
                server = EmbeddedPostgresServer.start(stateDir, ports.postgres(), logFile, POSTGRES_START_TIMEOUT);
            } catch (IOException | RuntimeException e) {
                throw new StackException("PostgreSQL failed to start: " + e.getMessage() + "; last lines of "
                        + logFile + ":\n" + tail(logFile), e);
            }
            synchronized (lock) {
                if (closed) {
                    server.close();
                    throw new StackException("stopped while starting");
                }
                postgres = server;
                long pid = server.postmasterPid().orElse(-1);
                long startMillis = ProcessHandle.of(pid).map(Processes::startMillis).orElse(0L);
                state.putProcess(new ProcessRecord("postgres", pid, startMillis,
                        server.dataDir().toString(), ports.postgres()));
                saveState();
            }
            out.printf("  %-19s ready on 127.0.0.1:%d in %.1f s (pid %d)%n", "postgres", ports.postgres(),
                    seconds(t0), server.postmasterPid().orElse(-1));
        }
        try {
            List<String> created = EmbeddedPostgresServer.ensureDatabases(endpoints, ServiceDef.databases());
            if (!created.isEmpty()) {
                out.printf("  %-19s created databases %s%n", "postgres", String.join(", ", created));
            }
        } catch (SQLException e) {
            String message = "cannot create the databases at " + endpoints.jdbcUrl("postgres") + ": " + e.getMessage();
            if (!endpoints.externalDb()) {
                throw new StackException(message, e);
            }
            // an external server may be managed elsewhere (databases pre-created, no CREATEDB right)
            out.println("  warning: " + message);
        }
    }

    private void launchKafka() throws StackException, IOException, InterruptedException {
        Path logFile = logsDir().resolve("kafka.log");
        Process process = null;
        long t0 = System.nanoTime();
        if (!endpoints.externalKafka()) {
            KafkaBroker.prepare(stateDir, ports, javaCommand, kafkaClasspath, logFile);
            synchronized (lock) {
                checkNotClosed();
                process = KafkaBroker.launch(javaCommand, javaFeature, stateDir, kafkaClasspath, logFile);
                kafka = process;
                state.putProcess(new ProcessRecord("kafka", process.pid(), Processes.startMillis(process.toHandle()),
                        KafkaBroker.propertiesFile(stateDir).toString(), ports.kafka()));
                saveState();
            }
        }
        try {
            List<String> created = KafkaBroker.awaitReadyAndCreateTopics(endpoints.kafkaBootstrap(), process,
                    KAFKA_START_TIMEOUT, logFile);
            if (process != null) {
                out.printf("  %-19s ready on 127.0.0.1:%d in %.1f s (pid %d)%n", "kafka", ports.kafka(), seconds(t0),
                        process.pid());
            } else {
                out.printf("  %-19s external at %s%n", "kafka", endpoints.kafkaBootstrap());
            }
            if (!created.isEmpty()) {
                out.printf("  %-19s created topics %s%n", "kafka", String.join(", ", created));
            }
        } catch (StackException e) {
            if (process != null) {
                throw e;
            }
            out.println("  warning: external Kafka: " + e.getMessage());
        }
    }

    private void awaitKafka(CompletableFuture<Void> kafkaReady) throws StackException, InterruptedException {
        try {
            kafkaReady.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionWrapper w ? w.getCause() : e.getCause();
            if (cause instanceof StackException se) {
                throw se;
            }
            if (cause instanceof InterruptedException ie) {
                throw ie;
            }
            throw new StackException("Kafka failed to start: " + cause, cause);
        }
    }

    // ---- services -------------------------------------------------------------------------------

    /**
     * Starts services with bounded parallelism. Submitting in wave order to a fixed pool makes
     * auth-service start first and the gateway last while still overlapping start-ups; more than
     * about one JVM start per core only makes each of them slower.
     */
    private void startServices(List<ServiceDef> defs) throws StackException, InterruptedException {
        List<String> missing = defs.stream()
                .map(this::execJar)
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new StackException("service jars are missing (build with ./mvnw -DskipTests install):\n  "
                    + String.join("\n  ", missing));
        }
        List<ServiceDef> ordered = defs.stream().sorted(Comparator.comparingInt(ServiceDef::wave)).toList();
        AtomicBoolean abort = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, ordered.size()),
                daemon("kirana-service-start"));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (ServiceDef def : ordered) {
                futures.add(pool.submit(() -> {
                    if (abort.get()) {
                        return null;
                    }
                    try {
                        startAndAwait(def, abort);
                    } catch (StackException | RuntimeException e) {
                        abort.set(true);
                        throw e;
                    }
                    return null;
                }));
            }
            StackException failure = null;
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (failure == null && !(e.getCause() instanceof AbortedException)) {
                        failure = e.getCause() instanceof StackException se ? se
                                : new StackException("starting services failed: " + e.getCause(), e.getCause());
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void startAndAwait(ServiceDef def, AtomicBoolean abort) throws StackException {
        Path jar = execJar(def);
        Path logFile = logsDir().resolve(def.name() + ".log");
        Path workDir = stateDir.resolve("run").resolve(def.name());
        int port = ports.service(def);
        int managementPort = ports.management(def);
        List<String> command = new ArrayList<>();
        command.add(javaCommand);
        command.addAll(JvmOptions.forService(javaFeature, stateDir, def.name(), javaOpts));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(Processes.inOwnSession(command))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(KafkaBroker.devNull()));
        ServiceEnvironment.apply(builder.environment(),
                ServiceEnvironment.forService(launcherEnv, def, ports, endpoints));
        long t0 = System.nanoTime();
        Process process;
        try {
            Files.createDirectories(workDir);
            Files.writeString(logFile, String.format("==== %s starting %s on port %d, management port %d (launcher pid %d)%n",
                            Instant.now(), def.name(), port, managementPort, ProcessHandle.current().pid()),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            synchronized (lock) {
                checkNotClosed();
                process = builder.start();
                services.put(def.name(), process);
                state.putProcess(new ProcessRecord(def.name(), process.pid(), Processes.startMillis(process.toHandle()),
                        JvmOptions.marker(stateDir), port));
                saveState();
            }
        } catch (IOException e) {
            throw new StackException("cannot start " + def.name() + ": " + e.getMessage(), e);
        }
        out.printf("  %-19s starting on port %d, management port %d (pid %d)%n", def.name(), port, managementPort,
                process.pid());
        long deadline = t0 + readinessTimeout.toNanos();
        while (!Readiness.isReady(managementPort)) {
            if (!process.isAlive()) {
                throw new StackException(def.name() + " exited with code " + process.exitValue()
                        + " before it was ready; last lines of " + logFile + ":\n" + tail(logFile));
            }
            if (abort.get()) {
                throw new AbortedException();
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(def.name() + " was not ready within " + readinessTimeout.toSeconds()
                        + " s (GET " + ports.managementUrl(def.name()) + Readiness.READINESS_PATH + " last answered "
                        + describeProbe(Readiness.probe(managementPort)) + "); last lines of " + logFile + ":\n" + tail(logFile));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + def.name(), e);
            }
        }
        out.printf("  %-19s ready in %.1f s%n", def.name(), seconds(t0));
    }

    private Path execJar(ServiceDef def) {
        return root.resolve(def.name()).resolve("target").resolve(def.execJarName());
    }

    private Process detach(ServiceDef def) {
        synchronized (lock) {
            Process process = services.remove(def.name());
            if (process == null) {
                return null;
            }
            expectedExits.add(def.name());
            state.removeProcess(def.name());
            saveStateQuietly();
            return process;
        }
    }

    private void stopServicesInWaves(List<Map.Entry<String, Process>> running) {
        Map<Integer, List<Map.Entry<String, Process>>> byWave = new TreeMap<>(Comparator.reverseOrder());
        for (Map.Entry<String, Process> entry : running) {
            int wave = ServiceDef.find(entry.getKey()).map(ServiceDef::wave).orElse(0);
            byWave.computeIfAbsent(wave, w -> new ArrayList<>()).add(entry);
        }
        for (List<Map.Entry<String, Process>> wave : byWave.values()) {
            List<Map.Entry<String, Process>> alive = wave.stream().filter(e -> e.getValue().isAlive()).toList();
            if (alive.isEmpty()) {
                continue;
            }
            out.println("Stopping " + alive.stream().map(e -> e.getKey() + " (pid " + e.getValue().pid() + ")")
                    .collect(Collectors.joining(", ")));
            // signal the whole wave first, then wait: the services drain in parallel
            alive.forEach(e -> e.getValue().toHandle().destroy());
            long deadline = System.nanoTime() + SERVICE_STOP_GRACE.toNanos();
            for (Map.Entry<String, Process> entry : alive) {
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                if (!Processes.awaitExit(entry.getValue(), left)) {
                    out.println("  " + entry.getKey() + " did not stop within " + SERVICE_STOP_GRACE.toSeconds()
                            + " s; killing it");
                    Processes.kill(entry.getValue());
                }
            }
        }
    }

    // ---- supervision ----------------------------------------------------------------------------

    /** Reports (once) a child that exits on its own while the stack runs; it does not restart it. */
    private void startWatchdog() {
        Set<String> reported = ConcurrentHashMap.newKeySet();
        watchdog = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
                Map<String, Process> snapshot;
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                    snapshot = new LinkedHashMap<>(services);
                    if (kafka != null) {
                        snapshot.put("kafka", kafka);
                    }
                }
                snapshot.forEach((name, process) -> {
                    if (!process.isAlive() && !expectedExits.contains(name) && reported.add(name + process.pid())) {
                        out.printf("!! %s (pid %d) exited with code %d; see %s%n", name, process.pid(),
                                process.exitValue(), logFile(name));
                    }
                });
            }
        }, "kirana-stack-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    // ---- state directory ------------------------------------------------------------------------

    /**
     * Takes an exclusive lock on {@code launcher.lock} for the stack's lifetime: two launchers on
     * one state directory would fight over the same PostgreSQL data directory and Kafka log dirs.
     * The OS releases the lock when the JVM dies, however it dies.
     */
    private void acquireLock() throws StackException {
        try {
            lockChannel = FileChannel.open(stateDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            try {
                fileLock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                fileLock = null;
            }
            if (fileLock == null) {
                lockChannel.close();
                lockChannel = null;
                String who = StackState.readPid(stateDir).stream().mapToObj(pid -> " (launcher pid " + pid + ")")
                        .findFirst().orElse("");
                throw new AlreadyRunningException("a Kirana stack is already running in " + stateDir + who
                        + "; stop it with ./kirana down");
            }
        } catch (IOException e) {
            throw new StackException("cannot lock " + stateDir.resolve(LOCK_FILE) + ": " + e.getMessage(), e);
        }
    }

    private void releaseLock() {
        try {
            if (fileLock != null) {
                fileLock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // the lock goes away with the JVM anyway
        }
    }

    private void recordLauncher() throws IOException {
        ProcessHandle self = ProcessHandle.current();
        synchronized (lock) {
            state.put("root", root.toString())
                    .put("stateDir", stateDir.toString())
                    .put("portOffset", ports.offset())
                    .put("infraOnly", Boolean.toString(infraOnly))
                    .put("launcher.pid", self.pid())
                    .put("launcher.start", Processes.startMillis(self))
                    .put("startedAt", Instant.now().toString())
                    .put("postgres.external", Boolean.toString(endpoints.externalDb()))
                    .put("postgres.host", endpoints.dbHost())
                    .put("postgres.port", endpoints.dbPort())
                    .put("kafka.external", Boolean.toString(endpoints.externalKafka()))
                    .put("kafka.bootstrap", endpoints.kafkaBootstrap());
            for (ServiceDef def : ServiceDef.ALL) {
                state.put("port." + def.name(), ports.service(def));
                state.put(StackState.MANAGEMENT_PORT + def.name(), ports.management(def));
            }
            // state first, PID second: whoever finds the PID file also finds what it needs to verify it
            state.write(stateDir);
            StackState.writePid(stateDir, self.pid());
        }
    }

    private void saveState() {
        try {
            state.write(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stateDir.resolve(StackState.STATE_FILE), e);
        }
    }

    private void saveStateQuietly() {
        try {
            state.write(stateDir);
        } catch (IOException e) {
            out.println("warning: cannot write " + stateDir.resolve(StackState.STATE_FILE) + ": " + e.getMessage());
        }
    }

    private void checkPortsFree() throws StackException {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        if (!endpoints.externalDb()) {
            wanted.put("postgres", ports.postgres());
        }
        if (!endpoints.externalKafka()) {
            wanted.put("kafka", ports.kafka());
            wanted.put("kafka controller", ports.kafkaController());
        }
        if (!infraOnly) {
            ServiceDef.ALL.forEach(def -> {
                wanted.put(def.name(), ports.service(def));
                wanted.put(def.name() + " management", ports.management(def));
            });
        }
        List<String> busy = wanted.entrySet().stream()
                .filter(e -> !Readiness.isFree(e.getValue()))
                .map(e -> e.getKey() + " port " + e.getValue())
                .toList();
        if (!busy.isEmpty()) {
            throw new StackException("ports already in use: " + String.join(", ", busy)
                    + " (another stack? try ./kirana status, or start this one with --port-offset N)");
        }
    }

    private void awaitPortFree(int port, Duration timeout) throws StackException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Readiness.isFree(port)) {
            if (System.nanoTime() > deadline) {
                throw new StackException("port " + port + " is still in use");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted", e);
            }
        }
    }

    /** Each run starts fresh logs; the previous run's stay as {@code *.log.1}. The launcher's own log is left alone. */
    private void rotateLogs() throws IOException {
        List<String> names = new ArrayList<>(List.of("postgres", "kafka"));
        names.addAll(ServiceDef.names());
        for (String name : names) {
            LogFiles.rotate(logsDir().resolve(name + ".log"));
        }
    }

    private Path logsDir() {
        return stateDir.resolve("logs");
    }

    private void checkNotClosed() throws StackException {
        if (closed) {
            throw new StackException("the stack was stopped while starting");
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            out.println("error while stopping: " + e);
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook will find the stack closed
        }
    }

    private static String describeProbe(int status) {
        return status < 0 ? "nothing" : "HTTP " + status;
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = LogFiles.tail(logFile, 60);
            return lines.isEmpty() ? "(empty)" : String.join("\n", lines);
        } catch (IOException e) {
            return "(cannot read: " + e.getMessage() + ")";
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Kafka runs from the launcher module's own dependency directory when it exists: the
     * classpath of a JVM that embeds the stack (a test JVM) holds unrelated libraries and
     * logging bindings that have no business in a broker.
     */
    static String defaultKafkaClasspath(Path root) {
        Path lib = root.resolve("local-stack").resolve("target").resolve("lib");
        if (Files.isDirectory(lib)) {
            return lib.toAbsolutePath() + java.io.File.separator + "*";
        }
        return System.getProperty("java.class.path");
    }

    /** Carries a checked exception out of a {@link CompletableFuture}. */
    private static final class CompletionWrapper extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CompletionWrapper(Throwable cause) {
            super(cause);
        }
    }

    /** A service start given up because another one failed. */
    private static final class AbortedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AbortedException() {
            super("aborted", null, false, false);
        }
    }

    // ---- builder --------------------------------------------------------------------------------

    /** Configures a {@link KiranaStack}; every setting has a default suitable for {@code ./kirana up}. */
    public static final class Builder {
        private Path root;
        private Path stateDir;
        private int portOffset;
        private Duration readinessTimeout = Duration.ofSeconds(240);
        private boolean infraOnly;
        private Map<String, String> environment = System.getenv();
        private List<String> javaOpts;
        private int parallelism = Math.max(2, Runtime.getRuntime().availableProcessors());
        private PrintStream out = System.out;
        private String kafkaClasspath;
        private boolean registerShutdownHook = true;

        private Builder() {
        }

        /** Repository root (holds {@code <service>/target/*-exec.jar}); default {@code KIRANA_ROOT}, {@code -Dkirana.root} or the working directory. */
        public Builder root(Path root) {
            this.root = root;
            return this;
        }

        /** Where data, logs and PID files live; default {@code <root>/.kirana}. */
        public Builder stateDir(Path stateDir) {
            this.stateDir = stateDir;
            return this;
        }

        /** Shifts every port (PostgreSQL, Kafka, services) so a second stack can run beside the first. */
        public Builder portOffset(int portOffset) {
            this.portOffset = portOffset;
            return this;
        }

        /** How long each service may take to become ready; default 240 s. */
        public Builder readinessTimeout(Duration readinessTimeout) {
            this.readinessTimeout = Objects.requireNonNull(readinessTimeout);
            return this;
        }

        /** Start only PostgreSQL and Kafka (with databases and topics), no services. */
        public Builder infraOnly(boolean infraOnly) {
            this.infraOnly = infraOnly;
            return this;
        }

        /**
         * The environment the launcher acts on instead of {@link System#getenv()}: its
         * {@code KIRANA_*} variables select external PostgreSQL/Kafka and are passed to the services.
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Objects.requireNonNull(environment);
            return this;
        }

        /** Extra JVM options for every service; default from {@code KIRANA_JAVA_OPTS}. */
        public Builder javaOpts(List<String> javaOpts) {
            this.javaOpts = javaOpts;
            return this;
        }

        /** How many services start at the same time; default the number of cores, at least 2. */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1");
            }
            this.parallelism = parallelism;
            return this;
        }

        /** Where progress goes; default {@link System#out}. */
        public Builder output(PrintStream out) {
            this.out = Objects.requireNonNull(out);
            return this;
        }

        /** Classpath of the Kafka broker JVM; default {@code <root>/local-stack/target/lib/*}. */
        public Builder kafkaClasspath(String kafkaClasspath) {
            this.kafkaClasspath = kafkaClasspath;
            return this;
        }

        /** Whether JVM exit stops the stack (default true, so a dying test JVM leaves nothing behind). */
        public Builder registerShutdownHook(boolean registerShutdownHook) {
            this.registerShutdownHook = registerShutdownHook;
            return this;
        }

        public KiranaStack build() {
            if (root == null) {
                root = defaultRoot(environment);
            }
            root = root.toAbsolutePath().normalize();
            stateDir = (stateDir == null ? root.resolve(".kirana") : stateDir).toAbsolutePath().normalize();
            return new KiranaStack(this);
        }

        static Path defaultRoot(Map<String, String> env) {
            String fromEnv = env.get("KIRANA_ROOT");
            if (fromEnv != null && !fromEnv.isBlank()) {
                return Path.of(fromEnv);
            }
            String fromProperty = System.getProperty("kirana.root");
            if (fromProperty != null && !fromProperty.isBlank()) {
                return Path.of(fromProperty);
            }
            return Path.of("").toAbsolutePath();
        }
    }
}

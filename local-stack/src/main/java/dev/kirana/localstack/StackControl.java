package dev.kirana.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The commands that act on a stack from outside its launcher — {@code down}, {@code status},
 * {@code logs} — using only what the launcher recorded in the state directory.
 */
public final class StackControl {

    /** How long {@code down} waits for the launcher to stop its children before stepping in. */
    static final Duration LAUNCHER_STOP_TIMEOUT = Duration.ofSeconds(120);

    private StackControl() {
    }

    /**
     * The live launcher of the stack in {@code stateDir}, if there is one. The PID from
     * {@code launcher.pid} only counts if the process with that PID started when the recorded
     * launcher did; a stale file whose PID now belongs to something else is ignored.
     */
    public static Optional<ProcessHandle> runningLauncher(Path stateDir) {
        OptionalLong pid = StackState.readPid(stateDir);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        long start;
        try {
            start = StackState.read(stateDir).map(s -> s.getLong("launcher.start", 0)).orElse(0L);
        } catch (IOException e) {
            start = 0;
        }
        if (start == 0) {
            // without a recorded start time the PID cannot be verified; only trust a launcher JVM
            return Processes.find(pid.getAsLong(), 0, Main.class.getName());
        }
        return Processes.find(pid.getAsLong(), start, null);
    }

    /**
     * {@code ./kirana down}: SIGTERM to the launcher (which stops services, Kafka and PostgreSQL
     * in order) and wait; then stop anything recorded that is still alive, so that afterwards
     * nothing this stack started runs — also when the launcher had been killed with -9.
     *
     * @return true if nothing of the stack is left running
     */
    public static boolean down(Path stateDir, PrintStream out) throws IOException {
        Optional<ProcessHandle> launcher = runningLauncher(stateDir);
        boolean hadAnything = launcher.isPresent() || StackState.read(stateDir).isPresent();
        if (launcher.isPresent()) {
            ProcessHandle handle = launcher.get();
            out.println("Stopping the Kirana launcher (pid " + handle.pid() + ") and everything it started ...");
            handle.destroy();
            if (!Processes.awaitExit(handle, LAUNCHER_STOP_TIMEOUT)) {
                out.println("The launcher did not stop within " + LAUNCHER_STOP_TIMEOUT.toSeconds() + " s; killing it");
                Processes.kill(handle);
            }
        }
        int leftovers = stopLeftovers(stateDir, out);
        boolean clean = remaining(stateDir).isEmpty();
        if (clean) {
            StackState.clear(stateDir);
        }
        if (!hadAnything && leftovers == 0) {
            out.println("Kirana stack is not running (" + stateDir + ").");
        } else if (clean) {
            out.println("Kirana stack is down.");
        } else {
            out.println("Could not stop: " + remaining(stateDir));
        }
        return clean;
    }

    /**
     * Stops every process recorded in {@code stack.properties} that still runs, and a postmaster
     * still running on the stack's data directory. Called by {@code down} after the launcher is
     * gone and by {@code start()} before it starts anything (the lock it holds proves that any
     * recorded process is an orphan of a launcher that died).
     *
     * @return how many processes were stopped
     */
    static int stopLeftovers(Path stateDir, PrintStream out) throws IOException {
        int stopped = 0;
        Optional<StackState> state = StackState.read(stateDir);
        if (state.isPresent()) {
            for (ProcessRecord record : state.get().processes()) {
                Optional<ProcessHandle> handle = Processes.find(record);
                if (handle.isEmpty()) {
                    continue;
                }
                out.println("Stopping leftover " + record.name() + " (pid " + record.pid() + ")");
                if ("postgres".equals(record.name())) {
                    EmbeddedPostgresServer.stop(handle.get(), EmbeddedPostgresServer.dataDir(stateDir));
                } else {
                    Processes.terminate(handle.get(),
                            "kafka".equals(record.name()) ? KiranaStack.KAFKA_STOP_GRACE : KiranaStack.SERVICE_STOP_GRACE);
                }
                stopped++;
            }
        }
        OptionalLong postmaster = EmbeddedPostgresServer.stopLeftover(stateDir);
        if (postmaster.isPresent()) {
            out.println("Stopped leftover postgres (pid " + postmaster.getAsLong() + ")");
            stopped++;
        }
        return stopped;
    }

    /** Recorded processes that are still alive. */
    static List<ProcessRecord> remaining(Path stateDir) throws IOException {
        Optional<StackState> state = StackState.read(stateDir);
        if (state.isEmpty()) {
            return List.of();
        }
        return state.get().processes().stream().filter(r -> Processes.find(r).isPresent()).toList();
    }

    /**
     * {@code ./kirana status}: every recorded process with PID, alive or dead, and readiness.
     *
     * @return true if a launcher runs and every process is alive and ready
     */
    public static boolean status(Path stateDir, PrintStream out) throws IOException {
        Optional<ProcessHandle> launcher = runningLauncher(stateDir);
        Optional<StackState> maybeState = StackState.read(stateDir);
        if (launcher.isEmpty()) {
            out.println("Kirana stack is not running (" + stateDir + ").");
            List<ProcessRecord> orphans = remaining(stateDir);
            if (!orphans.isEmpty()) {
                out.println("But these processes of an earlier run are still alive; ./kirana down stops them:");
                orphans.forEach(r -> out.printf("  %-19s pid %d%n", r.name(), r.pid()));
            }
            return false;
        }
        StackState state = maybeState.orElseGet(StackState::new);
        boolean ready = state.getBoolean("ready");
        String since = state.get("startedAt").map(s -> ", up " + age(s)).orElse("");
        out.printf("Kirana %s %s (launcher pid %d%s; state %s)%n",
                state.getBoolean("infraOnly") ? "infrastructure" : "stack",
                ready ? "is running" : "is starting", launcher.get().pid(), since, stateDir);
        out.printf("  %-19s %-8s %-6s %-6s %-6s %s%n", "NAME", "PID", "ALIVE", "PORT", "MGMT", "READINESS");
        boolean allGood = ready;
        if (state.getBoolean("postgres.external")) {
            String host = state.get("postgres.host").orElse("?");
            int port = (int) state.getLong("postgres.port", 0);
            boolean up = Readiness.canConnect(host, port);
            allGood &= up;
            out.printf("  %-19s %-8s %-6s %-6s %-6s %s%n", "postgres", "-", "-", port, "-",
                    "external " + host + (up ? ", accepting connections" : ", NOT reachable"));
        }
        if (state.getBoolean("kafka.external")) {
            out.printf("  %-19s %-8s %-6s %-6s %-6s %s%n", "kafka", "-", "-", "-", "-",
                    "external " + state.get("kafka.bootstrap").orElse("?"));
        }
        List<ProcessRecord> records = new ArrayList<>(state.processes());
        records.sort(Comparator.comparingInt(StackControl::displayRank));
        for (ProcessRecord record : records) {
            boolean alive = Processes.find(record).isPresent();
            // readiness is on the management port; a state file written before there was one names none
            long management = state.getLong(StackState.MANAGEMENT_PORT + record.name(), -1);
            String readiness;
            if (!alive) {
                readiness = "-";
            } else if (record.isService()) {
                int code = Readiness.probe(management > 0 ? (int) management : record.port());
                readiness = code == 200 ? "ready" : code < 0 ? "not answering" : "not ready (HTTP " + code + ")";
                allGood &= code == 200;
            } else {
                boolean up = Readiness.canConnect("127.0.0.1", record.port());
                readiness = up ? "accepting connections" : "not accepting connections";
                allGood &= up;
            }
            allGood &= alive;
            out.printf("  %-19s %-8d %-6s %-6d %-6s %s%n", record.name(), record.pid(), alive ? "yes" : "NO",
                    record.port(), management > 0 ? Long.toString(management) : "-", readiness);
        }
        if (!state.getBoolean("infraOnly")) {
            for (ServiceDef def : ServiceDef.ALL) {
                if (state.process(def.name()).isEmpty()) {
                    allGood = false;
                    out.printf("  %-19s %-8s %-6s %-6s %-6s %s%n", def.name(), "-", "NO",
                            state.getLong("port." + def.name(), 0),
                            state.getLong(StackState.MANAGEMENT_PORT + def.name(), 0), "not started");
                }
            }
        }
        return allGood;
    }

    /**
     * {@code ./kirana logs <name> [-f]}: prints a log (or its last {@code lines} lines) and
     * optionally follows it until interrupted.
     */
    public static void logs(Path stateDir, String name, boolean follow, int lines, PrintStream out)
            throws IOException, InterruptedException {
        Path file = logFile(stateDir, name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no log " + file + "; available: " + available(stateDir));
        }
        if (follow) {
            LogFiles.follow(file, lines > 0 ? lines : 50, out, () -> false);
        } else if (lines > 0) {
            LogFiles.tail(file, lines).forEach(out::println);
        } else {
            try (Stream<String> all = Files.lines(file)) {
                all.forEach(out::println);
            }
        }
    }

    /** The log of {@code postgres}, {@code kafka}, {@code launcher} or a service (suffix {@code -service} optional). */
    static Path logFile(Path stateDir, String name) {
        String file = ServiceDef.find(name).map(ServiceDef::name).orElse(name);
        return stateDir.resolve("logs").resolve(file + ".log");
    }

    /** Start order: PostgreSQL, Kafka, then the services as {@link ServiceDef#ALL} lists them. */
    static int displayRank(ProcessRecord record) {
        return switch (record.name()) {
            case "postgres" -> 0;
            case "kafka" -> 1;
            default -> 2 + ServiceDef.names().indexOf(record.name());
        };
    }

    private static String available(Path stateDir) throws IOException {
        Path logs = stateDir.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return "none (the stack has not run here)";
        }
        try (Stream<Path> files = Files.list(logs)) {
            return String.join(", ", files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".log"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .sorted()
                    .toList());
        }
    }

    private static String age(String isoInstant) {
        try {
            Duration age = Duration.between(Instant.parse(isoInstant), Instant.now());
            long s = age.toSeconds();
            return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                    : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
        } catch (RuntimeException e) {
            return "?";
        }
    }
}

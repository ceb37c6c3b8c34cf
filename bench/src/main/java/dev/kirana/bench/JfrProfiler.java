package dev.kirana.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Profiles the services during one phase with JDK Flight Recorder and summarises each recording: where the CPU
 * samples are (by method and by library), the Kirana methods on the stacks, GC pauses, allocation and contended locks.
 *
 * <p>On the bench's own stack the recording runs from each JVM's start ({@link #AT_LAUNCH}) and only the phase is
 * dumped through {@code jcmd JFR.dump begin=-Ns}. After {@code JFR.start} in a warm JVM, which instruments the JDK's
 * socket and file classes for its I/O events (and so invalidates compiled code that inlined them), the JVMs
 * spent the profiled phase recompiling (compiler threads 63-69 % of gateway's and inventory's CPU after a 6-minute
 * warm-up) and the suite confirmed 1 order/s of 20 offered. {@code JFR.start} is still used for a stack the bench did
 * not start, and the report then says so.
 */
final class JfrProfiler {
    static final String RECORDING = "kirana-bench";
    /** JVM option starting the recording at launch; a 20-minute ring on disk is enough for any profiled phase. */
    static final String AT_LAUNCH = "-XX:StartFlightRecording=name=" + RECORDING + ",settings=profile,maxage=20m,dumponexit=false";

    private final Path dir;
    private final Map<String, Long> pids;
    private final String jcmd;

    /** One line of a top list: a name, its count (samples, bytes or milliseconds) and share of the total. */
    record Entry(String name, double value, double share) {
    }

    record Profile(String process, Path file, long samples, List<Entry> selfMethods, List<Entry> libraries,
                   List<Entry> kiranaInclusive, long gcCount, double gcPauseMillis, List<Entry> allocations,
                   List<Entry> contendedLocks, double compileMillis, List<Entry> threads) {
    }

    /** Whether the recordings run since the JVMs started (the bench's own stack) rather than being started here. */
    private final boolean startedAtLaunch;

    JfrProfiler(Path dir, Map<String, Long> pids, boolean startedAtLaunch) {
        this.dir = dir;
        this.pids = pids;
        this.startedAtLaunch = startedAtLaunch;
        Path bin = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        this.jcmd = Files.isExecutable(bin) ? bin.toString() : "jcmd";
    }

    private final Map<String, Map<String, Long>> threadsBefore = new HashMap<>();
    private long startNanos;
    private Instant startedAt = Instant.EPOCH;

    void start() throws IOException {
        Files.createDirectories(dir);
        pids.forEach((name, pid) -> threadsBefore.put(name, CpuSampler.threadTicks(pid)));
        startNanos = System.nanoTime();
        startedAt = Instant.now();
        if (startedAtLaunch) {
            return;
        }
        for (Map.Entry<String, Long> e : pids.entrySet()) {
            jcmd(e.getValue(), "JFR.start", "name=" + RECORDING, "settings=profile");
        }
    }

    /** Stops the recordings, writes them to {@code dir} and summarises them. */
    List<Profile> stopAndAnalyse(double ticksPerSecond) throws IOException {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        Map<String, List<Entry>> threads = new HashMap<>();
        pids.forEach((name, pid) -> {
            Map<String, Long> before = threadsBefore.getOrDefault(name, Map.of());
            Map<String, Long> delta = new HashMap<>();
            CpuSampler.threadTicks(pid).forEach((group, ticks) -> delta.put(group, ticks - before.getOrDefault(group, 0L)));
            long total = delta.values().stream().mapToLong(Long::longValue).sum();
            threads.put(name, top(delta, total, 10, 1 / ticksPerSecond / wall));
        });
        List<Profile> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : pids.entrySet()) {
            Path file = dir.resolve(e.getKey() + ".jfr").toAbsolutePath();
            String result = startedAtLaunch
                    // the phase only: from its start (rounded up to whole seconds) until now
                    ? jcmd(e.getValue(), "JFR.dump", "name=" + RECORDING, "begin=-" + (long) Math.ceil(wall) + "s", "filename=" + file)
                    : jcmd(e.getValue(), "JFR.stop", "name=" + RECORDING, "filename=" + file);
            if (!Files.isRegularFile(file)) {
                System.err.println("bench: no recording from " + e.getKey() + ": " + result);
                continue;
            }
            Profile p = analyse(e.getKey(), file, startedAt);
            out.add(new Profile(p.process(), p.file(), p.samples(), p.selfMethods(), p.libraries(), p.kiranaInclusive(),
                    p.gcCount(), p.gcPauseMillis(), p.allocations(), p.contendedLocks(), p.compileMillis(),
                    threads.getOrDefault(e.getKey(), List.of())));
        }
        return out;
    }

    private String jcmd(long pid, String... command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(jcmd, Long.toString(pid)));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String text = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return text.trim();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Summarises the events of {@code file} that started at or after {@code from}: a dump taken with {@code begin=}
     * holds whole chunks, so it can reach back before the phase.
     */
    static Profile analyse(String process, Path file, Instant from) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> libraries = new HashMap<>();
        Map<String, Long> kirana = new HashMap<>();
        Map<String, Long> allocations = new HashMap<>();
        Map<String, Long> locks = new HashMap<>();
        long samples = 0;
        long gcCount = 0;
        double gcMillis = 0;
        long allocTotal = 0;
        long lockTotal = 0;
        double compileMillis = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (event.getStartTime().isBefore(from)) {
                    continue;
                }
                String type = event.getEventType().getName();
                switch (type) {
                    case "jdk.ExecutionSample" -> {
                        RecordedStackTrace stack = event.getStackTrace();
                        if (stack == null || stack.getFrames().isEmpty()) {
                            continue;
                        }
                        samples++;
                        List<RecordedFrame> frames = stack.getFrames();
                        self.merge(method(frames.get(0)), 1L, Long::sum);
                        libraries.merge(library(frames), 1L, Long::sum);
                        Set<String> seen = new HashSet<>();
                        for (RecordedFrame f : frames) {
                            String m = method(f);
                            if (m.startsWith("dev.kirana.") && seen.add(m)) {
                                kirana.merge(m, 1L, Long::sum);
                            }
                        }
                    }
                    case "jdk.Compilation" -> compileMillis += event.getDuration().toNanos() / 1e6;
                    case "jdk.GarbageCollection" -> {
                        gcCount++;
                        gcMillis += event.getDuration().toNanos() / 1e6;
                    }
                    case "jdk.ObjectAllocationSample" -> {
                        long weight = event.getLong("weight");
                        allocTotal += weight;
                        var cls = event.getClass("objectClass");
                        allocations.merge(cls == null ? "?" : cls.getName(), weight, Long::sum);
                    }
                    case "jdk.JavaMonitorEnter" -> {
                        long micros = event.getDuration().toNanos() / 1000;
                        lockTotal += micros;
                        var cls = event.getClass("monitorClass");
                        locks.merge(cls == null ? "?" : cls.getName(), micros, Long::sum);
                    }
                    default -> {
                    }
                }
            }
        }
        return new Profile(process, file, samples, top(self, samples, 15, 1), top(libraries, samples, 12, 1),
                top(kirana, samples, 12, 1), gcCount, gcMillis, top(allocations, allocTotal, 8, 1.0 / (1024 * 1024)),
                top(locks, lockTotal, 5, 1.0 / 1000), compileMillis, List.of());
    }

    /** The largest entries; {@code scale} converts the value for display (bytes → MiB, µs → ms). */
    static List<Entry> top(Map<String, Long> counts, long total, int n, double scale) {
        List<Entry> out = new ArrayList<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .forEach(e -> out.add(new Entry(e.getKey(), e.getValue() * scale, total == 0 ? 0 : (double) e.getValue() / total)));
        return out;
    }

    static String method(RecordedFrame f) {
        if (f.getMethod() == null) {
            return "?";
        }
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /**
     * The library a sample's CPU belongs to: the first frame from the top that is not plain JDK
     * code (collections, locks, reflection are charged to whoever called them); cryptography
     * counts as its own area because JWT signature checks are a usual suspect.
     */
    static String library(List<RecordedFrame> frames) {
        List<String> types = new ArrayList<>();
        for (RecordedFrame f : frames) {
            types.add(f.getMethod() == null ? "?" : f.getMethod().getType().getName());
        }
        return libraryOf(types);
    }

    static String libraryOf(List<String> typesTopFirst) {
        for (String t : typesTopFirst) {
            String area = area(t);
            if (area != null) {
                return area;
            }
        }
        return typesTopFirst.isEmpty() ? "?" : "JDK (" + packageOf(typesTopFirst.get(0)) + ")";
    }

    private static final Map<String, String> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("sun.security.", "crypto / JWT signatures");
        AREAS.put("java.security.", "crypto / JWT signatures");
        AREAS.put("javax.crypto.", "crypto / JWT signatures");
        AREAS.put("com.sun.crypto.", "crypto / JWT signatures");
        AREAS.put("com.nimbusds.", "Nimbus JOSE (JWT)");
        AREAS.put("org.springframework.security.", "Spring Security");
        AREAS.put("io.netty.", "Netty");
        AREAS.put("reactor.netty.", "Reactor Netty");
        AREAS.put("reactor.", "Reactor core");
        AREAS.put("tools.jackson.", "Jackson (JSON)");
        AREAS.put("com.fasterxml.jackson.", "Jackson (JSON)");
        AREAS.put("io.r2dbc.", "R2DBC PostgreSQL");
        AREAS.put("org.postgresql.", "PostgreSQL JDBC");
        AREAS.put("org.apache.kafka.", "Kafka client");
        AREAS.put("org.springframework.kafka.", "Spring Kafka");
        AREAS.put("org.springframework.cloud.gateway.", "Spring Cloud Gateway");
        AREAS.put("org.springframework.cloud.", "Spring Cloud");
        AREAS.put("org.springframework.r2dbc.", "Spring R2DBC");
        AREAS.put("org.springframework.data.", "Spring Data");
        AREAS.put("org.springframework.web.", "Spring WebFlux");
        AREAS.put("org.springframework.http.", "Spring WebFlux");
        AREAS.put("org.springframework.validation.", "Bean validation");
        AREAS.put("org.hibernate.validator.", "Bean validation");
        AREAS.put("io.micrometer.", "Micrometer (metrics / observation)");
        AREAS.put("io.opentelemetry.", "OpenTelemetry");
        AREAS.put("io.github.resilience4j.", "Resilience4j");
        AREAS.put("ch.qos.logback.", "logging");
        AREAS.put("org.slf4j.", "logging");
        AREAS.put("org.apache.logging.", "logging");
        AREAS.put("org.springframework.", "Spring (other)");
        AREAS.put("dev.kirana.", "Kirana code");
        AREAS.put("com.networknt.", "JSON Schema validator");
        AREAS.put("io.cloudevents.", "CloudEvents SDK");
    }

    private static String area(String type) {
        for (Map.Entry<String, String> e : AREAS.entrySet()) {
            if (type.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("com.sun.")
                || type.equals("?")) {
            return null;
        }
        return packageOf(type);
    }

    private static String packageOf(String type) {
        String[] parts = type.split("\\.");
        return parts.length <= 2 ? type : parts[0] + "." + parts[1] + "." + parts[2];
    }

}

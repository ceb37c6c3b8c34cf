package dev.kirana.localstack;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The state files of one stack in its state directory:
 * <ul>
 *   <li>{@code stack.properties} — ports, endpoints and every process the stack started, rewritten
 *       (atomically) each time a process starts or stops, so a crashed launcher still leaves a
 *       record that {@code down} and the next {@code up} use to clean up;</li>
 *   <li>{@code launcher.pid} — the PID of the launcher JVM, the process {@code down} signals;</li>
 *   <li>{@code ready} — written once everything answers, polled by a detached {@code up}.</li>
 * </ul>
 * A plain properties file keeps it readable from shell scripts ({@code grep}) as well as Java.
 */
public final class StackState {

    public static final String STATE_FILE = "stack.properties";
    public static final String PID_FILE = "launcher.pid";
    public static final String READY_FILE = "ready";
    /** Prefix of each service's management port ({@code management-port.order-service=18084}). */
    public static final String MANAGEMENT_PORT = "management-port.";

    private static final String PROCESS = "process.";

    private final TreeMap<String, String> values;

    public StackState() {
        this(new TreeMap<>());
    }

    private StackState(TreeMap<String, String> values) {
        this.values = values;
    }

    // ---- plain values -------------------------------------------------------------------------

    public StackState put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
        return this;
    }

    public StackState put(String key, long value) {
        return put(key, Long.toString(value));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public long getLong(String key, long fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(values.get(key));
    }

    // ---- processes ----------------------------------------------------------------------------

    public StackState putProcess(ProcessRecord record) {
        removeProcess(record.name());
        String prefix = PROCESS + record.name() + ".";
        values.put(prefix + "pid", Long.toString(record.pid()));
        values.put(prefix + "start", Long.toString(record.startMillis()));
        values.put(prefix + "marker", record.marker());
        values.put(prefix + "port", Integer.toString(record.port()));
        return this;
    }

    public StackState removeProcess(String name) {
        String prefix = PROCESS + name + ".";
        values.keySet().removeIf(key -> key.startsWith(prefix));
        return this;
    }

    public Optional<ProcessRecord> process(String name) {
        String prefix = PROCESS + name + ".";
        if (!values.containsKey(prefix + "pid")) {
            return Optional.empty();
        }
        return Optional.of(new ProcessRecord(name, getLong(prefix + "pid", -1), getLong(prefix + "start", 0),
                values.getOrDefault(prefix + "marker", ""), (int) getLong(prefix + "port", 0)));
    }

    /**
     * Every recorded process in the order they should be stopped: the gateway first (it stops
     * taking traffic), then the other services, auth last among them, then Kafka, then PostgreSQL.
     */
    public List<ProcessRecord> processes() {
        List<ProcessRecord> records = new ArrayList<>();
        values.keySet().stream()
                .filter(key -> key.startsWith(PROCESS) && key.endsWith(".pid"))
                .map(key -> key.substring(PROCESS.length(), key.length() - ".pid".length()))
                .forEach(name -> process(name).ifPresent(records::add));
        records.sort(Comparator.comparingInt(StackState::stopRank).thenComparing(ProcessRecord::name));
        return records;
    }

    static int stopRank(ProcessRecord record) {
        return switch (record.name()) {
            case "postgres" -> 100;
            case "kafka" -> 90;
            default -> ServiceDef.find(record.name()).map(s -> 10 - s.wave()).orElse(50);
        };
    }

    // ---- files --------------------------------------------------------------------------------

    /** Reads {@code stack.properties}; empty if there is none (no stack ran here, or it stopped cleanly). */
    public static Optional<StackState> read(Path stateDir) throws IOException {
        Path file = stateDir.resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        TreeMap<String, String> values = new TreeMap<>();
        properties.forEach((k, v) -> values.put(k.toString(), v.toString()));
        return Optional.of(new StackState(values));
    }

    /** Writes {@code stack.properties} atomically (a reader never sees half a file). */
    public void write(Path stateDir) throws IOException {
        StringBuilder text = new StringBuilder("# Kirana local stack — written by the launcher; do not edit\n");
        for (Map.Entry<String, String> entry : values.entrySet()) {
            text.append(escape(entry.getKey(), true)).append('=').append(escape(entry.getValue(), false)).append('\n');
        }
        writeAtomically(stateDir.resolve(STATE_FILE), text.toString());
    }

    public static void writePid(Path stateDir, long pid) throws IOException {
        writeAtomically(stateDir.resolve(PID_FILE), pid + "\n");
    }

    /** The PID in {@code launcher.pid}, if the file exists and holds a number. */
    public static OptionalLong readPid(Path stateDir) {
        return readPidFile(stateDir.resolve(PID_FILE));
    }

    /**
     * The number on the first line of a PID file ({@code launcher.pid}, PostgreSQL's
     * {@code postmaster.pid}), if the file exists and starts with one.
     */
    public static OptionalLong readPidFile(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return OptionalLong.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return OptionalLong.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            // a half-written or foreign file means "no usable PID"; the caller treats it as absent
            return OptionalLong.empty();
        }
    }

    /** Removes the state, PID and ready files (after a clean stop). */
    public static void clear(Path stateDir) throws IOException {
        Files.deleteIfExists(stateDir.resolve(READY_FILE));
        Files.deleteIfExists(stateDir.resolve(STATE_FILE));
        Files.deleteIfExists(stateDir.resolve(PID_FILE));
    }

    static void writeAtomically(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Escapes a key or value the way {@link Properties#load} expects. */
    static String escape(String text, boolean key) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // separators only matter in keys, comment characters only at the start of a line
                case '=', ':' -> out.append(key ? "\\" : "").append(c);
                case '#', '!' -> out.append(key && i == 0 ? "\\" : "").append(c);
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

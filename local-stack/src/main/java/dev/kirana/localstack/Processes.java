package dev.kirana.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Process helpers: identifying recorded PIDs safely, stopping by PID, starting detached children. */
public final class Processes {

    /** How far apart two reported start times of the same process may be (the OS rounds them). */
    private static final long START_TOLERANCE_MILLIS = 2_000;

    private static final Path[] SETSID = {Path.of("/usr/bin/setsid"), Path.of("/bin/setsid")};

    private Processes() {
    }

    /** The start time the OS reports for a process, in epoch millis, or 0 if it does not say. */
    public static long startMillis(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /**
     * The live process a record describes, or empty if it is gone or its PID now belongs to
     * another process. A PID is only trusted when the recorded start time matches and, if the
     * OS shows the command line, that command line contains the recorded marker.
     */
    public static Optional<ProcessHandle> find(ProcessRecord record) {
        return find(record.pid(), record.startMillis(), record.marker());
    }

    public static Optional<ProcessHandle> find(long pid, long expectedStartMillis, String marker) {
        if (pid <= 0) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(Processes::isRunning).filter(handle -> {
            long actualStart = startMillis(handle);
            if (expectedStartMillis > 0 && actualStart > 0
                    && Math.abs(actualStart - expectedStartMillis) > START_TOLERANCE_MILLIS) {
                return false;
            }
            if (marker == null || marker.isEmpty()) {
                return true;
            }
            return handle.info().commandLine().map(line -> line.contains(marker)).orElse(true);
        });
    }

    /**
     * Stops a process: SIGTERM (so a JVM runs its shutdown hooks, Spring drains requests), then
     * SIGKILL if it has not exited within {@code grace}.
     *
     * @return true if the process is gone afterwards
     */
    public static boolean terminate(ProcessHandle handle, Duration grace) {
        if (!isRunning(handle)) {
            return true;
        }
        handle.destroy();
        if (awaitExit(handle, grace)) {
            return true;
        }
        handle.destroyForcibly();
        return awaitExit(handle, Duration.ofSeconds(10));
    }

    /**
     * {@link #terminate(ProcessHandle, Duration)} for a child of this JVM; returns once the child
     * has been reaped, so its PID is really gone.
     */
    public static boolean terminate(Process process, Duration grace) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        if (awaitExit(process, grace)) {
            return true;
        }
        return kill(process);
    }

    /** SIGKILL a child of this JVM and wait until it has been reaped. */
    public static boolean kill(Process process) {
        process.destroyForcibly();
        return awaitExit(process, Duration.ofSeconds(10));
    }

    /** Waits for a child of this JVM to exit and be reaped. */
    public static boolean awaitExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /**
     * Sends SIGINT (for PostgreSQL: fast shutdown) through {@code kill}, which Java cannot send
     * itself. Returns false where there is no {@code kill} program.
     */
    public static boolean interrupt(long pid) {
        return signal(pid, "INT");
    }

    /**
     * Sends SIGQUIT (for PostgreSQL: immediate shutdown, like {@code pg_ctl stop -m immediate}: every
     * backend is told to exit at once, nothing is checkpointed, the next start runs crash recovery).
     */
    public static boolean quit(long pid) {
        return signal(pid, "QUIT");
    }

    private static boolean signal(long pid, String signal) {
        for (Path kill : new Path[] {Path.of("/bin/kill"), Path.of("/usr/bin/kill")}) {
            if (Files.isExecutable(kill)) {
                try {
                    return new ProcessBuilder(kill.toString(), "-" + signal, Long.toString(pid))
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start()
                            .waitFor() == 0;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /** SIGKILL and wait for the process to be gone. */
    public static boolean kill(ProcessHandle handle) {
        handle.destroyForcibly();
        return awaitExit(handle, Duration.ofSeconds(10));
    }

    /** Waits until the process has exited (or is a zombie); true if it did within the timeout. */
    public static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        // polling rather than onExit(): for a process that is not our child, onExit() cannot see
        // that it became a zombie, and a zombie waits forever where init does not reap promptly
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(handle)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(handle);
            }
        }
        return true;
    }

    /**
     * Whether the process runs: alive and not a zombie. A zombie (exited, not yet reaped by its
     * parent — for an orphan that is init, which in some containers reaps late or never) counts
     * as alive for {@link ProcessHandle#isAlive()} but holds no resources and cannot be signalled.
     */
    public static boolean isRunning(ProcessHandle handle) {
        return handle.isAlive() && !isZombie(handle.pid());
    }

    /** Linux: the state letter in {@code /proc/<pid>/stat} is Z. Elsewhere: never (no such file). */
    static boolean isZombie(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat);
            // "pid (comm) S ..." — comm may contain spaces and parentheses, so search from the last ')'
            int close = text.lastIndexOf(')');
            return close > 0 && close + 2 < text.length() && text.charAt(close + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Prefixes a command with {@code setsid} where available, so the child runs in its own
     * session: a Ctrl-C in the launcher's terminal then reaches only the launcher, which stops
     * the children in order (services before Kafka before PostgreSQL) instead of all of them
     * dying at once, and a detached launcher survives its terminal closing. {@code setsid}
     * execs in place, so the PID the launcher sees is the child's own.
     */
    public static List<String> inOwnSession(List<String> command) {
        for (Path setsid : SETSID) {
            if (Files.isExecutable(setsid)) {
                List<String> wrapped = new ArrayList<>(command.size() + 1);
                wrapped.add(setsid.toString());
                wrapped.addAll(command);
                return wrapped;
            }
        }
        return command;
    }

    /** The {@code java} executable running this JVM, so children run on the same Java. */
    public static String currentJava() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Feature release of the running JVM (17, 21, 25, ...). */
    public static int currentJavaFeature() {
        return Runtime.version().feature();
    }
}

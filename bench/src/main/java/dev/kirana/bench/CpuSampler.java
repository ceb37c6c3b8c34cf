package dev.kirana.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * CPU time per process from {@code /proc/<pid>/stat} (utime + stime), sampled at the start and end
 * of a phase. PostgreSQL is a process tree: the postmaster, every backend (its children) and the
 * children it already reaped ({@code cutime + cstime}) are summed. The machine's total from
 * {@code /proc/stat} shows how much CPU went to processes that are not part of the run (other builds).
 */
final class CpuSampler {
    static final String POSTGRES = "postgres";
    static final String BENCH = "bench (load generator)";
    static final String OTHER = "other processes";
    static final String MACHINE = "machine total";
    private static final Set<String> NOT_SUITE = Set.of(BENCH, OTHER, MACHINE);

    private final Supplier<Map<String, Long>> pids;
    private final double ticksPerSecond;
    private final boolean available;

    /** CPU used over an interval: seconds of CPU, and cores (CPU seconds per wall second). */
    record Usage(double cpuSeconds, double cores) {
    }

    /** Ticks per named process plus the machine's busy and total ticks at one instant. */
    record Snapshot(long nanos, Map<String, Long> ticks, long machineBusy, long machineAll) {
    }

    /** Fields of a {@code /proc/<pid>/stat} line that matter here. */
    record Stat(long ppid, long utime, long stime, long cutime, long cstime) {
        long own() {
            return utime + stime;
        }
    }

    /** @param pids the processes to watch by name (postgres: the postmaster); asked again at every sample */
    CpuSampler(Supplier<Map<String, Long>> pids) {
        this.pids = pids;
        this.available = Files.isReadable(Path.of("/proc/self/stat"));
        this.ticksPerSecond = clockTicks();
    }

    boolean available() {
        return available;
    }

    static boolean isSuiteProcess(String name) {
        return !NOT_SUITE.contains(name);
    }

    Snapshot sample() {
        long now = System.nanoTime();
        if (!available) {
            return new Snapshot(now, Map.of(), 0, 0);
        }
        Map<String, Long> ticks = new LinkedHashMap<>();
        Map<String, Long> watched = pids.get();
        Map<Long, Stat> all = watched.containsKey(POSTGRES) ? scanAll() : Map.of();
        watched.forEach((name, pid) -> {
            Stat s = read(pid);
            if (s == null) {
                return;
            }
            long t = s.own();
            if (POSTGRES.equals(name)) {
                t += s.cutime() + s.cstime();
                for (Map.Entry<Long, Stat> e : all.entrySet()) {
                    if (e.getValue().ppid() == pid) {
                        t += e.getValue().own();
                    }
                }
            }
            ticks.put(name, t);
        });
        Stat self = read(ProcessHandle.current().pid());
        if (self != null) {
            ticks.put(BENCH, self.own());
        }
        long[] machine = machineTicks();
        return new Snapshot(now, ticks, machine[0], machine[1]);
    }

    /** Usage between two snapshots, in the order of {@code to}, then "other processes" and "machine total". */
    Map<String, Usage> delta(Snapshot from, Snapshot to) {
        Map<String, Usage> out = new LinkedHashMap<>();
        if (!available) {
            return out;
        }
        double wall = (to.nanos() - from.nanos()) / 1e9;
        if (wall <= 0) {
            return out;
        }
        double ours = 0;
        for (Map.Entry<String, Long> e : to.ticks().entrySet()) {
            Long before = from.ticks().get(e.getKey());
            if (before == null) {
                continue;
            }
            double seconds = Math.max(0, e.getValue() - before) / ticksPerSecond;
            ours += seconds;
            out.put(e.getKey(), new Usage(seconds, seconds / wall));
        }
        if (to.machineAll() > from.machineAll()) {
            double machine = (to.machineBusy() - from.machineBusy()) / ticksPerSecond;
            out.put(OTHER, new Usage(Math.max(0, machine - ours), Math.max(0, machine - ours) / wall));
            out.put(MACHINE, new Usage(machine, machine / wall));
        }
        return out;
    }

    /**
     * CPU ticks per thread group of one process ({@code /proc/<pid>/task/<tid>/stat}; digits in the
     * thread name are folded, so {@code reactor-http-epoll-1} and {@code -2} count together).
     */
    static Map<String, Long> threadTicks(long pid) {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                try {
                    String line = Files.readString(task.resolve("stat"));
                    String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                    Stat s = parseStat(line);
                    out.merge(threadGroup(name), s.own(), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        return out;
    }

    static String threadGroup(String threadName) {
        return threadName.replaceAll("\\d+", "N");
    }

    double ticksPerSecond() {
        return ticksPerSecond;
    }

    private static Stat read(long pid) {
        try {
            return parseStat(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Map<Long, Stat> scanAll() {
        Map<Long, Stat> out = new LinkedHashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), p -> isNumber(p.getFileName().toString()))) {
            for (Path dir : dirs) {
                Stat s = read(Long.parseLong(dir.getFileName().toString()));
                if (s != null) {
                    out.put(Long.parseLong(dir.getFileName().toString()), s);
                }
            }
        } catch (IOException e) {
            // leave the children out
        }
        return out;
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses a {@code /proc/<pid>/stat} line. The command name (field 2) is in parentheses and may
     * itself contain spaces and parentheses, so fields are counted from the last {@code ')'}.
     */
    static Stat parseStat(String line) {
        int close = line.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a stat line: " + line);
        }
        String[] f = line.substring(close + 2).trim().split("\\s+");
        // after the name: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17); f[0] is field 3
        return new Stat(Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                Long.parseLong(f[14]));
    }

    /** Busy and total ticks of all CPUs from the first line of {@code /proc/stat}. */
    static long[] parseMachine(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        long all = 0;
        // user nice system idle iowait irq softirq steal (guest time is already in user)
        for (int i = 1; i <= 8 && i < f.length; i++) {
            all += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
        return new long[]{all - idle, all};
    }

    private static long[] machineTicks() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            return parseMachine(first);
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }

    private static double clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return Double.parseDouble(out);
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}

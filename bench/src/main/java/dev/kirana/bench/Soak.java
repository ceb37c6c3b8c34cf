package dev.kirana.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The soak mode ({@code --soak D}): one fixed-rate phase for a long time, with every process's
 * resident memory and Java heap sampled every few seconds and the latency cut into slices (a minute
 * by default), so that a leak shows as memory that keeps growing and latency that drifts upwards.
 */
final class Soak {
    private static final long MIB = 1024L * 1024L;

    private Soak() {
    }

    /**
     * Latency of one slice of the soak phase, by intended send time.
     *
     * @param index       0 for the first slice
     * @param fromSeconds slice start, seconds since the soak phase started
     * @param seconds     slice length (the last one may be shorter)
     */
    record Slice(int index, double fromSeconds, double seconds, long confirmed, long errors, long dropped,
                 double p50, double p99, double max) {
        double confirmedPerSecond() {
            return seconds > 0 ? confirmed / seconds : 0;
        }
    }

    /**
     * Memory of every watched process at one instant.
     *
     * @param atSeconds seconds since the soak phase started
     * @param rssBytes  resident set size ({@code VmRSS} of {@code /proc/<pid>/status}) by process
     * @param heapBytes Java heap in use ({@code jvm_memory_used_bytes{area="heap"}} summed over the pools) by process;
     *                  only the services, whose management port is known
     */
    record Sample(double atSeconds, Map<String, Long> rssBytes, Map<String, Long> heapBytes) {
    }

    /** One process's memory from the first to the last sample; -1 where it was not measured. */
    record Memory(String process, long rssStart, long rssEnd, long rssMax, long heapStart, long heapEnd, long heapMax) {
        long rssDelta() {
            return rssStart < 0 || rssEnd < 0 ? 0 : rssEnd - rssStart;
        }

        long heapDelta() {
            return heapStart < 0 || heapEnd < 0 ? 0 : heapEnd - heapStart;
        }

        /** RSS growth in MiB per hour over {@code seconds} (NaN without two samples or time between them). */
        double rssMiBPerHour(double seconds) {
            return rssStart < 0 || rssEnd < 0 || seconds <= 0 ? Double.NaN : rssDelta() / (double) MIB / seconds * 3600;
        }
    }

    /**
     * How the latency moved over the soak: first and last slice with confirmed orders, and the
     * least-squares slope of the slices' p99 against their start time.
     */
    record Drift(double firstP50, double firstP99, double lastP50, double lastP99, double p99SlopeMsPerHour) {
        double p50Delta() {
            return lastP50 - firstP50;
        }

        double p99Delta() {
            return lastP99 - firstP99;
        }
    }

    /** Everything the soak measured. */
    record Result(int rate, Duration duration, Duration sampleEvery, Duration slice, PhaseResult phase, List<Slice> slices,
                  List<Sample> samples, String heapSource) {

        List<Memory> memory() {
            return Soak.memory(samples);
        }

        Drift drift() {
            return Soak.drift(slices);
        }

        /** Seconds between the first and the last memory sample. */
        double sampledSeconds() {
            return samples.size() < 2 ? 0 : samples.get(samples.size() - 1).atSeconds() - samples.get(0).atSeconds();
        }
    }

    // ---- the maths -------------------------------------------------------------------------------------------

    /** First, last and highest RSS and heap per process, in the order the processes first appear. */
    static List<Memory> memory(List<Sample> samples) {
        Set<String> names = new LinkedHashSet<>();
        samples.forEach(s -> {
            names.addAll(s.rssBytes().keySet());
            names.addAll(s.heapBytes().keySet());
        });
        List<Memory> out = new ArrayList<>();
        for (String name : names) {
            long[] rss = firstLastMax(samples, s -> s.rssBytes().get(name));
            long[] heap = firstLastMax(samples, s -> s.heapBytes().get(name));
            out.add(new Memory(name, rss[0], rss[1], rss[2], heap[0], heap[1], heap[2]));
        }
        return out;
    }

    private static long[] firstLastMax(List<Sample> samples, java.util.function.Function<Sample, Long> value) {
        long first = -1;
        long last = -1;
        long max = -1;
        for (Sample s : samples) {
            Long v = value.apply(s);
            if (v == null || v < 0) {
                continue;
            }
            if (first < 0) {
                first = v;
            }
            last = v;
            max = Math.max(max, v);
        }
        return new long[]{first, last, max};
    }

    /**
     * At most {@code n} samples spread evenly over the run, always the first and the last (the
     * report's memory-over-time table).
     */
    static List<Sample> spread(List<Sample> samples, int n) {
        if (samples.size() <= n || n < 2) {
            return samples;
        }
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(samples.get((int) Math.round(i * (samples.size() - 1) / (double) (n - 1))));
        }
        return out;
    }

    /** Drift over the slices that confirmed anything; NaN everywhere when there are none. */
    static Drift drift(List<Slice> slices) {
        List<Slice> used = slices.stream().filter(s -> s.confirmed() > 0 && !Double.isNaN(s.p99())).toList();
        if (used.isEmpty()) {
            return new Drift(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        Slice first = used.get(0);
        Slice last = used.get(used.size() - 1);
        double slope = Double.NaN;
        if (used.size() >= 2) {
            double n = used.size();
            double meanX = used.stream().mapToDouble(Slice::fromSeconds).sum() / n;
            double meanY = used.stream().mapToDouble(Slice::p99).sum() / n;
            double sxy = 0;
            double sxx = 0;
            for (Slice s : used) {
                sxy += (s.fromSeconds() - meanX) * (s.p99() - meanY);
                sxx += (s.fromSeconds() - meanX) * (s.fromSeconds() - meanX);
            }
            slope = sxx == 0 ? Double.NaN : sxy / sxx * 3600;
        }
        return new Drift(first.p50(), first.p99(), last.p50(), last.p99(), slope);
    }

    // ---- reading the processes -------------------------------------------------------------------------------

    /** {@code VmRSS} of a {@code /proc/<pid>/status} text, in bytes; -1 when absent (a kernel thread, an ended process). */
    static long vmRssBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] f = line.substring(6).trim().split("\\s+");
                long value = Long.parseLong(f[0]);
                String unit = f.length > 1 ? f[1].toLowerCase(java.util.Locale.ROOT) : "kb";
                return switch (unit) {
                    case "kb" -> value * 1024;
                    case "mb" -> value * MIB;
                    default -> value;
                };
            }
        }
        return -1;
    }

    /**
     * Heap in use from a Prometheus text exposition: the sum of {@code jvm_memory_used_bytes} over
     * the series labelled {@code area="heap"} (one per pool: eden, survivor, old gen); -1 when none.
     */
    static long heapUsedBytes(String prometheus) {
        double sum = 0;
        boolean found = false;
        for (String line : prometheus.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                String value = line.substring(line.lastIndexOf('}') + 1).trim().split("\\s+")[0];
                sum += Double.parseDouble(value);
                found = true;
            }
        }
        return found ? Math.round(sum) : -1;
    }

    /**
     * Samples the processes: RSS from {@code /proc} for every PID the stack knows, heap from each
     * service's {@code /actuator/prometheus} on its management port (no agent, nothing attached to the JVM).
     */
    static final class Sampler {
        private final Supplier<Map<String, Long>> pids;
        private final Map<String, String> managementUrls;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        Sampler(Supplier<Map<String, Long>> pids, Map<String, String> managementUrls) {
            this.pids = pids;
            this.managementUrls = managementUrls;
        }

        Sample sample(double atSeconds) {
            Map<String, Long> rss = new LinkedHashMap<>();
            pids.get().forEach((name, pid) -> {
                try {
                    long v = vmRssBytes(Files.readString(Path.of("/proc/" + pid + "/status")));
                    if (v >= 0) {
                        rss.put(name, v);
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended, or not Linux
                }
            });
            Map<String, Long> heap = new LinkedHashMap<>();
            managementUrls.forEach((name, url) -> {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        long v = heapUsedBytes(r.body());
                        if (v >= 0) {
                            heap.put(name, v);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // not answering this time; the next sample tries again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return new Sample(atSeconds, rss, heap);
        }
    }
}

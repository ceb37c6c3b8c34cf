package dev.kirana.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** JVM options for the processes the launcher starts. */
public final class JvmOptions {

    /** First Java feature release with {@code -XX:+AutoCreateSharedArchive}. */
    static final int AUTO_CDS_SINCE = 19;

    private JvmOptions() {
    }

    /**
     * Options for a service JVM.
     *
     * <p>The machine this suite targets has two cores and runs seven JVMs plus Kafka and
     * PostgreSQL, so: the serial collector (no GC worker threads competing for cores), smaller
     * thread stacks, a heap ceiling relative to the machine's memory so seven JVMs cannot
     * overcommit it, and — on Java 19 and later — a dynamic AppCDS archive per service that the
     * JVM creates on the first run and reuses afterwards, cutting class loading time on restarts.
     * The JIT is left at full tiering because the bench measures throughput on this stack.
     * {@code extra} (from {@code KIRANA_JAVA_OPTS}) comes last so it can override any of these.
     *
     * @param javaFeature feature release of the JVM that will run the service
     * @param stateDir    the stack's state directory (holds the CDS archives)
     * @param service     service name
     * @param extra       additional options, appended last
     */
    public static List<String> forService(int javaFeature, Path stateDir, String service, List<String> extra) {
        List<String> options = new ArrayList<>(List.of(
                "-XX:+UseSerialGC",
                "-Xss512k",
                "-XX:MaxRAMPercentage=10",
                "-Dfile.encoding=UTF-8",
                "-Dspring.main.lazy-initialization=false"));
        options.addAll(cds(javaFeature, stateDir, service));
        options.add(marker(stateDir));
        options.addAll(extra);
        return options;
    }

    /** Options for the Kafka broker JVM: a fixed 512 MiB heap ceiling, serial GC, timestamps in its log. */
    public static List<String> forKafka(int javaFeature, Path stateDir) {
        List<String> options = new ArrayList<>(List.of(
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS"));
        options.addAll(cds(javaFeature, stateDir, "kafka"));
        options.add(marker(stateDir));
        return options;
    }

    /**
     * A system property naming the state directory. It changes nothing in the process; it makes
     * the process recognisable as this stack's child when {@code down} checks a recorded PID
     * before signalling it (PIDs get reused).
     */
    static String marker(Path stateDir) {
        return "-Dkirana.localstack.state=" + stateDir.toAbsolutePath().normalize();
    }

    private static List<String> cds(int javaFeature, Path stateDir, String name) {
        if (javaFeature < AUTO_CDS_SINCE) {
            return List.of();
        }
        Path archive = stateDir.resolve("cds").resolve(name + ".jsa").toAbsolutePath();
        // -Xlog:cds*=off: the dump at exit warns about every class it skips (JFR events, lambdas
        // of unlinked classes); that is expected and would end every log with dozens of lines
        return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off");
    }

    /** Splits {@code KIRANA_JAVA_OPTS}-style text on whitespace. */
    public static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.trim().split("\\s+")).toList();
    }
}

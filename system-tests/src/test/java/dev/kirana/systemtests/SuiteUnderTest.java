package dev.kirana.systemtests;

import dev.kirana.localstack.KiranaStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole suite, started once per test JVM by the same launcher as {@code ./kirana up}, on ports
 * shifted by 1000 ({@code -Dkirana.it.port-offset}) and with its own state directory, so it can run
 * beside a developer's stack. Every service exports all its spans ({@code KIRANA_TRACING_SAMPLING=1.0}) to a
 * receiver in this JVM ({@link #traces()}), as it would to an OpenTelemetry Collector.
 */
final class SuiteUnderTest {
    private static KiranaStack stack;
    private static OtlpTraceReceiver traces;

    static synchronized KiranaStack get() {
        if (stack == null) {
            Path root = Path.of(System.getProperty("kirana.root", "..")).toAbsolutePath().normalize();
            try {
                traces = new OtlpTraceReceiver();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the OTLP receiver", e);
            }
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.put("KIRANA_TRACING_OTLP_ENDPOINT", traces.endpoint());
            environment.put("KIRANA_TRACING_SAMPLING", "1.0");
            // every event the suite publishes is checked against its published schema before it is written
            environment.put("KIRANA_VALIDATE_EVENTS", "true");
            KiranaStack s = KiranaStack.builder()
                    .root(root)
                    .environment(environment)
                    .stateDir(root.resolve("system-tests/target/kirana-stack"))
                    .portOffset(Integer.getInteger("kirana.it.port-offset", 1000))
                    .readinessTimeout(Duration.ofMinutes(5))
                    .registerShutdownHook(true)
                    .build();
            try {
                s.start();
            } catch (Exception e) {
                s.close();
                throw new IllegalStateException("the suite did not start: " + e.getMessage(), e);
            }
            stack = s;
        }
        return stack;
    }

    /** The spans the suite's services exported so far. */
    static synchronized OtlpTraceReceiver traces() {
        get();
        return traces;
    }

    private SuiteUnderTest() {
    }
}

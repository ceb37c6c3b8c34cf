package dev.kirana.systemtests;

import dev.kirana.localstack.KiranaStack;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The whole suite, started once per test JVM by the same launcher as {@code ./kirana up}, on ports
 * shifted by 1000 ({@code -Dkirana.it.port-offset}) and with its own state directory, so it can run
 * beside a developer's stack.
 */
final class SuiteUnderTest {
    private static KiranaStack stack;

    static synchronized KiranaStack get() {
        if (stack == null) {
            Path root = Path.of(System.getProperty("kirana.root", "..")).toAbsolutePath().normalize();
            KiranaStack s = KiranaStack.builder()
                    .root(root)
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

    private SuiteUnderTest() {
    }
}

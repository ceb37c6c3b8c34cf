package dev.kirana.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Test
    void badUsageExitsWith2AndShowsUsage() {
        int code = Main.run(new String[] {"up", "--bogus"}, Map.of("KIRANA_ROOT", root.toString()), out, err);
        assertThat(code).isEqualTo(2);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("unknown option '--bogus'", "Usage:");
    }

    @Test
    void helpExitsWith0() {
        assertThat(Main.run(new String[] {"help"}, Map.of(), out, err)).isZero();
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("up [-d|--detach]", "--infra-only");
    }

    @Test
    void statusOfAStackThatNeverRanExitsWith1() {
        int code = Main.run(new String[] {"status"}, Map.of("KIRANA_ROOT", root.toString()), out, err);
        assertThat(code).isEqualTo(1);
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("not running", root.resolve(".kirana").toString());
    }

    @Test
    void logsOfAnUnknownNameIsAUsageError() {
        int code = Main.run(new String[] {"logs", "nothing"}, Map.of("KIRANA_ROOT", root.toString()), out, err);
        assertThat(code).isEqualTo(2);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("no log");
    }

    @Test
    void bannerTellsHowToLogIn() {
        PortLayout ports = new PortLayout(100);
        String banner = String.join("\n", Banner.lines(ports, Endpoints.resolve(Map.of(), ports), false,
                root.resolve(".kirana"), java.time.Duration.ofMillis(61_500)));
        assertThat(banner).contains("Kirana is up in 61.5 s",
                "Open         http://127.0.0.1:8180/console/",
                "http://127.0.0.1:8180",
                "http://127.0.0.1:8180/swagger-ui.html",
                "curl -s -X POST http://127.0.0.1:8180/api/v1/auth/login -H 'Content-Type: application/json' "
                        + "-d '{\"username\":\"owner@demo.kirana\",\"password\":\"kirana-demo\"}'",
                "127.0.0.1:15532", "127.0.0.1:19192",
                "Management   actuator of each service on its port + 10000 (gateway :18180, reporting-service :18186), "
                        + "e.g. http://127.0.0.1:18180/actuator/health/readiness");
    }
}

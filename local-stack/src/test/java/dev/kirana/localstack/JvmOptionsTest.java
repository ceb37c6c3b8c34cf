package dev.kirana.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JvmOptionsTest {

    private final Path state = Path.of("/srv/kirana/.kirana");

    @Test
    void java17GetsNoCdsArchive() {
        List<String> options = JvmOptions.forService(17, state, "order-service", List.of());
        assertThat(options).contains("-XX:+UseSerialGC", "-Xss512k", "-Dspring.main.lazy-initialization=false",
                        "-Dkirana.localstack.state=/srv/kirana/.kirana")
                .noneMatch(o -> o.contains("SharedArchive"))
                .noneMatch(o -> o.startsWith("-XX:TieredStopAtLevel"));
    }

    @Test
    void java19AndLaterGetADynamicArchivePerService() {
        List<String> options = JvmOptions.forService(21, state, "order-service", List.of());
        assertThat(options).contains("-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=/srv/kirana/.kirana/cds/order-service.jsa");
        assertThat(JvmOptions.forService(19, state, "gateway", List.of()))
                .contains("-XX:SharedArchiveFile=/srv/kirana/.kirana/cds/gateway.jsa");
        assertThat(JvmOptions.forService(18, state, "gateway", List.of()))
                .noneMatch(o -> o.contains("SharedArchive"));
    }

    @Test
    void extraOptionsComeLastSoTheyWin() {
        List<String> options = JvmOptions.forService(25, state, "auth-service", List.of("-Xmx1g", "-XX:+UseG1GC"));
        assertThat(options.subList(options.size() - 2, options.size())).containsExactly("-Xmx1g", "-XX:+UseG1GC");
    }

    @Test
    void kafkaHasAFixedHeapCeiling() {
        assertThat(JvmOptions.forKafka(17, state)).contains("-Xmx512m")
                .noneMatch(o -> o.contains("SharedArchive"));
        assertThat(JvmOptions.forKafka(25, state)).contains("-XX:SharedArchiveFile=/srv/kirana/.kirana/cds/kafka.jsa");
    }

    @Test
    void splitsJavaOptsOnWhitespace() {
        assertThat(JvmOptions.split("  -Xmx1g \t -Dx=y  ")).containsExactly("-Xmx1g", "-Dx=y");
        assertThat(JvmOptions.split(null)).isEmpty();
        assertThat(JvmOptions.split("   ")).isEmpty();
    }
}

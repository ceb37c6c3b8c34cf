package dev.kirana.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class StackStateTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsValuesAndProcesses() throws IOException {
        StackState state = new StackState()
                .put("root", "C:\\work\\kirana with spaces")
                .put("kafka.bootstrap", "127.0.0.1:19092")
                .put("note", "#not a comment = really")
                .put("portOffset", 100)
                .putProcess(new ProcessRecord("kafka", 42, 1_700_000_000_000L, "/s/kafka/server.properties", 19092))
                .putProcess(new ProcessRecord("order-service", 43, 0, null, 8084));
        state.write(dir);

        StackState read = StackState.read(dir).orElseThrow();
        assertThat(read.get("root")).contains("C:\\work\\kirana with spaces");
        assertThat(read.get("kafka.bootstrap")).contains("127.0.0.1:19092");
        assertThat(read.get("note")).contains("#not a comment = really");
        assertThat(read.getLong("portOffset", -1)).isEqualTo(100);
        assertThat(read.process("kafka")).contains(
                new ProcessRecord("kafka", 42, 1_700_000_000_000L, "/s/kafka/server.properties", 19092));
        assertThat(read.process("order-service")).contains(new ProcessRecord("order-service", 43, 0, "", 8084));
        assertThat(read.process("gateway")).isEmpty();
    }

    @Test
    void fileIsPlainPropertiesThatShellScriptsCanGrep() throws IOException {
        new StackState().put("kafka.bootstrap", "127.0.0.1:19092")
                .putProcess(new ProcessRecord("postgres", 7, 0, "/d", 15432))
                .write(dir);

        String text = Files.readString(dir.resolve(StackState.STATE_FILE));
        assertThat(text).contains("\nkafka.bootstrap=127.0.0.1:19092\n", "\nprocess.postgres.pid=7\n");
        Properties properties = new Properties();
        properties.load(Files.newBufferedReader(dir.resolve(StackState.STATE_FILE)));
        assertThat(properties.getProperty("process.postgres.port")).isEqualTo("15432");
    }

    @Test
    void processesAreListedInStopOrder() {
        StackState state = new StackState();
        for (String name : new String[] {"postgres", "auth-service", "kafka", "gateway", "order-service",
                "catalog-service"}) {
            state.putProcess(new ProcessRecord(name, 1, 0, "", 1));
        }
        assertThat(state.processes()).extracting(ProcessRecord::name).containsExactly(
                "gateway", "catalog-service", "order-service", "auth-service", "kafka", "postgres");
    }

    @Test
    void removingAProcessForgetsAllItsKeys() throws IOException {
        StackState state = new StackState().putProcess(new ProcessRecord("order-service", 1, 2, "m", 3));
        state.removeProcess("order-service").write(dir);
        assertThat(Files.readString(dir.resolve(StackState.STATE_FILE))).doesNotContain("order-service");
    }

    @Test
    void readIsEmptyWithoutAFile() throws IOException {
        assertThat(StackState.read(dir)).isEmpty();
    }

    @Test
    void pidFileRoundTrip() throws IOException {
        assertThat(StackState.readPid(dir)).isEmpty();
        StackState.writePid(dir, 12345);
        assertThat(Files.readString(dir.resolve("launcher.pid"))).isEqualTo("12345\n");
        assertThat(StackState.readPid(dir)).isEqualTo(OptionalLong.of(12345));
    }

    @Test
    void postmasterPidFileFirstLineIsThePid() throws IOException {
        Path file = dir.resolve("postmaster.pid");
        Files.writeString(file, "4711\n/srv/.kirana/postgres\n1732200000\n15432\n/tmp\n127.0.0.1\n");
        assertThat(StackState.readPidFile(file)).isEqualTo(OptionalLong.of(4711));
    }

    @Test
    void garbagePidFilesCountAsAbsent() throws IOException {
        Path file = dir.resolve("x.pid");
        Files.writeString(file, "");
        assertThat(StackState.readPidFile(file)).isEmpty();
        Files.writeString(file, "not a pid\n");
        assertThat(StackState.readPidFile(file)).isEmpty();
        Files.writeString(file, "-3\n");
        assertThat(StackState.readPidFile(file)).isEmpty();
    }

    @Test
    void clearRemovesStatePidAndReadyFiles() throws IOException {
        new StackState().put("a", "b").write(dir);
        StackState.writePid(dir, 1);
        Files.writeString(dir.resolve(StackState.READY_FILE), "1\n");
        StackState.clear(dir);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}

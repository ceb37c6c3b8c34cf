package dev.kirana.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackControlTest {

    @TempDir
    Path stateDir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void aLauncherPidIsOnlyTrustedWithAMatchingStartTime() throws IOException {
        ProcessHandle self = ProcessHandle.current();
        StackState.writePid(stateDir, self.pid());
        new StackState().put("launcher.start", Processes.startMillis(self)).write(stateDir);
        assertThat(StackControl.runningLauncher(stateDir)).map(ProcessHandle::pid).contains(self.pid());

        new StackState().put("launcher.start", Processes.startMillis(self) - 86_400_000L).write(stateDir);
        assertThat(StackControl.runningLauncher(stateDir)).isEmpty();
    }

    @Test
    void withoutAStartTimeOnlyALauncherJvmCounts() throws IOException {
        // this test JVM's command line does not run dev.kirana.localstack.Main
        StackState.writePid(stateDir, ProcessHandle.current().pid());
        assertThat(StackControl.runningLauncher(stateDir)).isEmpty();
    }

    @Test
    void statusListsProcessesInStartOrder() {
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of("gateway", "postgres",
                "reporting-service", "auth-service", "kafka", "catalog-service"));
        names.sort(java.util.Comparator.comparingInt(n -> StackControl.displayRank(new ProcessRecord(n, 1, 0, "", 1))));
        assertThat(names).containsExactly("postgres", "kafka", "auth-service", "catalog-service",
                "reporting-service", "gateway");
    }

    @Test
    void nothingRunning() throws IOException {
        assertThat(StackControl.runningLauncher(stateDir)).isEmpty();
        assertThat(StackControl.status(stateDir, out)).isFalse();
        assertThat(StackControl.down(stateDir, out)).isTrue();
        assertThat(text()).contains("is not running");
    }

    @Test
    void downForgetsRecordsOfProcessesThatAreGone() throws IOException {
        new StackState().putProcess(new ProcessRecord("kafka", Long.MAX_VALUE - 1, 0, "", 19092)).write(stateDir);
        StackState.writePid(stateDir, Long.MAX_VALUE - 2);
        assertThat(StackControl.down(stateDir, out)).isTrue();
        assertThat(stateDir.resolve(StackState.STATE_FILE)).doesNotExist();
        assertThat(stateDir.resolve(StackState.PID_FILE)).doesNotExist();
    }

    @Test
    void logsResolveServiceShortNames() throws Exception {
        Path logs = Files.createDirectories(stateDir.resolve("logs"));
        Files.writeString(logs.resolve("order-service.log"), "one\ntwo\nthree\n");
        StackControl.logs(stateDir, "order", false, 2, out);
        assertThat(text()).isEqualTo("two\nthree\n");

        bytes.reset();
        StackControl.logs(stateDir, "order-service", false, 0, out);
        assertThat(text()).isEqualTo("one\ntwo\nthree\n");
    }

    @Test
    void unknownLogListsTheAvailableOnes() throws IOException {
        Path logs = Files.createDirectories(stateDir.resolve("logs"));
        Files.writeString(logs.resolve("kafka.log"), "x\n");
        Files.writeString(logs.resolve("postgres.log"), "x\n");
        assertThatThrownBy(() -> StackControl.logs(stateDir, "redis", false, 0, out))
                .hasMessageContaining("available: kafka, postgres");
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

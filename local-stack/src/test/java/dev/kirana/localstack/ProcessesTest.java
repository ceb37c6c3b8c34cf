package dev.kirana.localstack;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessesTest {

    private final ProcessHandle self = ProcessHandle.current();
    private final long selfStart = Processes.startMillis(self);

    @Test
    void findsALiveProcessWhoseStartTimeMatches() {
        assertThat(Processes.find(self.pid(), selfStart, null)).isPresent();
        assertThat(Processes.find(self.pid(), 0, "")).isPresent();
    }

    @Test
    void aReusedPidIsNotTrusted() {
        // same PID, but the recorded process started an hour earlier: it is not this one
        assertThat(Processes.find(self.pid(), selfStart - 3_600_000, null)).isEmpty();
    }

    @Test
    void theMarkerMustBeOnTheCommandLine() {
        assertThat(Processes.find(self.pid(), selfStart, "-Dkirana.localstack.state=/nowhere/at/all")).isEmpty();
    }

    @Test
    void deadOrInvalidPidsAreNotFound() throws Exception {
        Process process = new ProcessBuilder(Processes.currentJava(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long pid = process.pid();
        process.waitFor();
        assertThat(Processes.find(pid, 0, null)).isEmpty();
        assertThat(Processes.find(-1, 0, null)).isEmpty();
        assertThat(Processes.find(0, 0, null)).isEmpty();
    }

    @Test
    void terminateStopsAChild() throws Exception {
        Process sleeper = new ProcessBuilder(Processes.currentJava(), "-cp", System.getProperty("java.class.path"),
                Sleeper.class.getName()).start();
        assertThat(Processes.isRunning(sleeper.toHandle())).isTrue();
        assertThat(Processes.terminate(sleeper, Duration.ofSeconds(10))).isTrue();
        assertThat(sleeper.isAlive()).isFalse();
    }

    @Test
    void thisJvmIsNotAZombie() {
        assertThat(Processes.isZombie(self.pid())).isFalse();
        assertThat(Processes.isRunning(self)).isTrue();
    }

    @Test
    void ownSessionPrefixKeepsTheCommand() {
        List<String> command = Processes.inOwnSession(List.of("java", "-version"));
        assertThat(command.subList(command.size() - 2, command.size())).containsExactly("java", "-version");
        assertThat(command.size()).isBetween(2, 3);
    }

    @Test
    void currentJavaIsAnExecutable() {
        assertThat(java.nio.file.Path.of(Processes.currentJava())).isExecutable();
        assertThat(Processes.currentJavaFeature()).isGreaterThanOrEqualTo(17);
    }

    /** A child that just waits to be stopped. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(60_000);
        }
    }
}

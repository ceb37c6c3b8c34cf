package dev.kirana.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliArgsTest {

    @Test
    void upDefaults() {
        CliArgs args = CliArgs.parse("up");
        assertThat(args.command()).isEqualTo("up");
        assertThat(args.detach()).isFalse();
        assertThat(args.infraOnly()).isFalse();
        assertThat(args.portOffset()).isZero();
        assertThat(args.stateDir()).isNull();
        assertThat(args.timeout()).isEqualTo(Duration.ofSeconds(240));
        assertThat(args.parallelism()).isZero();
        assertThat(args.background()).isFalse();
    }

    @Test
    void upWithEveryOptionInBothSpellings() {
        CliArgs args = CliArgs.parse("up", "-d", "--infra-only", "--port-offset", "100", "--timeout=60",
                "--parallel", "3", "--state-dir=/tmp/k");
        assertThat(args.detach()).isTrue();
        assertThat(args.infraOnly()).isTrue();
        assertThat(args.portOffset()).isEqualTo(100);
        assertThat(args.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(args.parallelism()).isEqualTo(3);
        assertThat(args.stateDir()).isEqualTo(Path.of("/tmp/k"));

        assertThat(CliArgs.parse("up", "--detach", "--port-offset=-10").portOffset()).isEqualTo(-10);
    }

    @Test
    void logsTakesANameAndFollowOptions() {
        CliArgs args = CliArgs.parse("logs", "order", "-f", "-n", "20");
        assertThat(args.logName()).isEqualTo("order");
        assertThat(args.follow()).isTrue();
        assertThat(args.lines()).isEqualTo(20);

        assertThat(CliArgs.parse("logs", "--lines=5", "kafka").logName()).isEqualTo("kafka");
    }

    @Test
    void helpInAnyPosition() {
        assertThat(CliArgs.parse("--help").command()).isEqualTo("help");
        assertThat(CliArgs.parse("-h").command()).isEqualTo("help");
        assertThat(CliArgs.parse("up", "--help").command()).isEqualTo("help");
    }

    @Test
    void rejectsWhatItDoesNotUnderstand() {
        assertThatThrownBy(CliArgs::parse).hasMessageContaining("no command");
        assertThatThrownBy(() -> CliArgs.parse("start")).hasMessageContaining("unknown command 'start'");
        assertThatThrownBy(() -> CliArgs.parse("up", "--fast")).hasMessageContaining("unknown option '--fast'");
        assertThatThrownBy(() -> CliArgs.parse("down", "-d")).hasMessageContaining("does not apply to down");
        assertThatThrownBy(() -> CliArgs.parse("up", "-f")).hasMessageContaining("does not apply to up");
        assertThatThrownBy(() -> CliArgs.parse("up", "--port-offset")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> CliArgs.parse("up", "--timeout", "soon")).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> CliArgs.parse("up", "--parallel", "0")).hasMessageContaining("between 1 and 64");
        assertThatThrownBy(() -> CliArgs.parse("up", "extra")).hasMessageContaining("unexpected argument 'extra'");
        assertThatThrownBy(() -> CliArgs.parse("logs")).hasMessageContaining("logs needs a name");
        assertThatThrownBy(() -> CliArgs.parse("logs", "a", "b")).hasMessageContaining("unexpected argument 'b'");
        assertThatThrownBy(() -> CliArgs.parse("up", "--state-dir=")).hasMessageContaining("needs a directory");
    }

    @Test
    void rejectsAnOffsetThatLeavesThePortRange() {
        assertThatThrownBy(() -> CliArgs.parse("up", "--port-offset", "50000"))
                .hasMessageContaining("outside 1024..65535");
    }

    @Test
    void backgroundArgsRepeatTheUpWithoutDetach() {
        CliArgs args = CliArgs.parse("up", "-d", "--infra-only", "--port-offset", "7", "--timeout", "90",
                "--parallel", "2");
        String[] again = args.backgroundArgs(Path.of("/var/tmp/state")).toArray(String[]::new);
        CliArgs child = CliArgs.parse(again);

        assertThat(child.detach()).isFalse();
        assertThat(child.background()).isTrue();
        assertThat(child.infraOnly()).isTrue();
        assertThat(child.portOffset()).isEqualTo(7);
        assertThat(child.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(child.parallelism()).isEqualTo(2);
        assertThat(child.stateDir()).isEqualTo(Path.of("/var/tmp/state"));
    }
}

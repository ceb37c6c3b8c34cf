package dev.kirana.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class RampTest {
    static final List<Integer> STEPS = List.of(100, 200, 300, 400, 500);

    /** A fake system: keeps up to {@code capacity}/s, with p99 {@code p99At.apply(rate)} ms. */
    static IntFunction<PhaseResult> system(int capacity, IntFunction<Double> p99At, List<Integer> ran) {
        return rate -> {
            ran.add(rate);
            PhaseSpec spec = new PhaseSpec("ramp", PhaseSpec.Kind.RAMP, PhaseSpec.GATEWAY, "many", PhaseSpec.WAIT, rate, 0);
            PhaseRecorder r = new PhaseRecorder(spec, 0);
            long confirmed = Math.min(rate, capacity);
            double p99 = p99At.apply(rate);
            for (int i = 0; i < rate; i++) {
                r.scheduled();
            }
            for (int i = 0; i < confirmed; i++) {
                long intended = i * 1_000_000_000L / rate;
                // 98 % fast, 2 % at the p99 value so that p99 == p99At(rate)
                long micros = i % 50 == 0 ? (long) (p99 * 1000) : 1000;
                r.record(intended, new Outcome(Outcome.Kind.CONFIRMED, 201, intended, Outcome.NONE, intended + micros * 1000, -1, null));
            }
            for (long i = confirmed; i < rate; i++) {
                r.dropped(0);
            }
            return r.finish(1.0, 0, Map.of(), 0, 1);
        };
    }

    @Test
    void climbsUntilTheLatencyBoundIsMissedAndPicksTheLastStepWithinIt() {
        List<Integer> ran = new ArrayList<>();
        Ramp.Outcome o = Ramp.climb(STEPS, 0, 50, system(10_000, rate -> rate <= 300 ? 20.0 : 80.0, ran));
        assertThat(ran).containsExactly(100, 200, 300, 400);
        assertThat(o.chosen()).isEqualTo(300);
        assertThat(o.within()).isTrue();
    }

    @Test
    void stopsAtTheFirstOverloadedStep() {
        List<Integer> ran = new ArrayList<>();
        Ramp.Outcome o = Ramp.climb(STEPS, 0, 50, system(250, rate -> 10.0, ran));
        assertThat(ran).containsExactly(100, 200, 300);
        assertThat(o.chosen()).isEqualTo(200);
        assertThat(o.steps().get(2).verdict()).isEqualTo(Ramp.Verdict.OVERLOADED);
    }

    @Test
    void withoutAnyStepWithinBoundItKeepsClimbingWhileSustainedAndReportsThat() {
        List<Integer> ran = new ArrayList<>();
        Ramp.Outcome o = Ramp.climb(STEPS, 0, 50, system(350, rate -> 90.0, ran));
        assertThat(ran).containsExactly(100, 200, 300, 400);
        assertThat(o.chosen()).isEqualTo(300);
        assertThat(o.within()).isFalse();
        assertThat(o.describe(50)).contains("sustained, but p99 above 50 ms");
    }

    @Test
    void fromAMiddleStepItGoesDownWhenThatStepFails() {
        List<Integer> ran = new ArrayList<>();
        Ramp.Outcome o = Ramp.climb(STEPS, 3, 50, system(10_000, rate -> rate <= 200 ? 30.0 : 70.0, ran));
        assertThat(ran).containsExactly(400, 300, 200);
        assertThat(o.chosen()).isEqualTo(200);
    }

    @Test
    void fromAMiddleStepItGoesUpWhenThatStepPasses() {
        List<Integer> ran = new ArrayList<>();
        Ramp.Outcome o = Ramp.climb(STEPS, 2, 50, system(10_000, rate -> 10.0, ran));
        assertThat(ran).containsExactly(300, 400, 500);
        assertThat(o.chosen()).isEqualTo(500);
    }

    @Test
    void withTheSustainedCriterionItClimbsPastTheBoundToTheLastStepThatKeepsUp() {
        List<Integer> ran = new ArrayList<>();
        // started at the gateway's sustained rate (300): p99 is over the bound everywhere, capacity 450/s
        Ramp.Outcome o = Ramp.climb(STEPS, 2, 50, Ramp.Verdict.SUSTAINED, system(450, rate -> 80.0, ran));
        assertThat(ran).containsExactly(300, 400, 500);
        assertThat(o.chosen()).isEqualTo(400);
        assertThat(o.within()).isFalse();
    }

    @Test
    void errorsAboveHalfAPercentMakeAStepOverloaded() {
        PhaseSpec spec = new PhaseSpec("x", PhaseSpec.Kind.RAMP, PhaseSpec.GATEWAY, "many", PhaseSpec.WAIT, 1000, 0);
        PhaseRecorder r = new PhaseRecorder(spec, 0);
        for (int i = 0; i < 1000; i++) {
            r.scheduled();
            long t = i * 1_000_000L;
            r.record(t, i < 990 ? new Outcome(Outcome.Kind.CONFIRMED, 201, t, Outcome.NONE, t + 1_000_000, -1, null)
                    : Outcome.failure(Outcome.Kind.HTTP_ERROR, 503, t, t + 1, "down"));
        }
        PhaseResult p = r.finish(1.0, 0, Map.of(), 0, 1);
        assertThat(Ramp.judge(p, 50)).isEqualTo(Ramp.Verdict.OVERLOADED);
        assertThat(Ramp.why(p, 50)).contains("errors+drops 1.0%");
    }
}

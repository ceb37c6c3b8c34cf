package dev.kirana.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Finds a sustainable rate by stepping the arrival rate. A step is <em>sustained</em> when the
 * confirmed throughput keeps up with the arrivals (at least 95 %) with at most 0.5 % errors plus
 * drops, and <em>within bound</em> when, in addition, its p99 placement latency is at or under the bound.
 * The chosen rate is the highest step within bound; if none is, the highest sustained one.
 */
final class Ramp {
    static final double MIN_THROUGHPUT_SHARE = 0.95;
    static final double MAX_FAILURE_SHARE = 0.005;

    enum Verdict { WITHIN_BOUND, SUSTAINED, OVERLOADED }

    record Step(int rate, PhaseResult result, Verdict verdict, String why) {
    }

    /**
     * @param steps  every step run, in the order run
     * @param chosen the chosen rate, or 0 when no step was even sustained
     * @param within whether the chosen rate met the latency bound
     */
    record Outcome(List<Step> steps, int chosen, boolean within) {
        String describe(double bound) {
            if (chosen == 0) {
                return "no step was sustained";
            }
            return chosen + "/s" + (within ? " (p99 ≤ " + fmt(bound) + " ms)" : " (sustained, but p99 above " + fmt(bound) + " ms at every step)");
        }
    }

    static Verdict judge(PhaseResult r, double p99BoundMillis) {
        double target = r.spec().targetRate();
        boolean keepsUp = r.confirmedPerSecond() >= MIN_THROUGHPUT_SHARE * target;
        boolean fewFailures = r.failureShare() <= MAX_FAILURE_SHARE;
        if (!keepsUp || !fewFailures) {
            return Verdict.OVERLOADED;
        }
        return !r.confirmed().isEmpty() && r.confirmed().p99() <= p99BoundMillis ? Verdict.WITHIN_BOUND : Verdict.SUSTAINED;
    }

    static String why(PhaseResult r, double p99BoundMillis) {
        List<String> reasons = new ArrayList<>();
        if (r.confirmedPerSecond() < MIN_THROUGHPUT_SHARE * r.spec().targetRate()) {
            reasons.add(String.format("confirmed %.0f/s < 95%% of %.0f/s", r.confirmedPerSecond(), r.spec().targetRate()));
        }
        if (r.abortedAtSeconds() >= 0) {
            reasons.add(String.format("aborted after %.1f s: too many requests in flight",
                    r.abortedAtSeconds() - r.startSeconds()));
        }
        if (r.failureShare() > MAX_FAILURE_SHARE) {
            reasons.add(String.format("errors+drops %.1f%%", r.failureShare() * 100));
        }
        if (r.confirmed().isEmpty() || r.confirmed().p99() > p99BoundMillis) {
            reasons.add("p99 " + (r.confirmed().isEmpty() ? "n/a" : fmt(r.confirmed().p99()) + " ms") + " > " + fmt(p99BoundMillis) + " ms");
        }
        return reasons.isEmpty() ? "ok" : String.join("; ", reasons);
    }

    /**
     * Climbs from {@code steps[startIndex]} looking for the highest step within bound: upwards while
     * steps pass; if the first step is not within bound, downwards until one is. Upwards it stops at
     * the first step that misses the bound once an earlier step met it, or at the first overloaded
     * step; while no step has met the bound it keeps climbing through sustained steps, so a suite
     * that never meets the bound still gets its sustained rate measured.
     */
    static Outcome climb(List<Integer> steps, int startIndex, double p99BoundMillis, IntFunction<PhaseResult> run) {
        return climb(steps, startIndex, p99BoundMillis, Verdict.WITHIN_BOUND, run);
    }

    /**
     * Like {@link #climb(List, int, double, IntFunction)}, judged by {@code criterion}: with
     * {@link Verdict#SUSTAINED} a step passes unless it is overloaded (used for the direct ramp when
     * the gateway met only that criterion, so that the two rates compare like with like).
     */
    static Outcome climb(List<Integer> steps, int startIndex, double p99BoundMillis, Verdict criterion,
                         IntFunction<PhaseResult> run) {
        boolean sustainedOnly = criterion == Verdict.SUSTAINED;
        java.util.function.Predicate<Step> passes = s -> s.verdict() == Verdict.WITHIN_BOUND
                || (sustainedOnly && s.verdict() == Verdict.SUSTAINED);
        List<Step> done = new ArrayList<>();
        int i = Math.max(0, Math.min(startIndex, steps.size() - 1));
        Step first = step(steps.get(i), run, p99BoundMillis);
        done.add(first);
        if (passes.test(first) || (i == 0 && first.verdict() == Verdict.SUSTAINED)) {
            for (int j = i + 1; j < steps.size(); j++) {
                Step s = step(steps.get(j), run, p99BoundMillis);
                done.add(s);
                boolean anyPassed = done.stream().anyMatch(passes);
                if (s.verdict() == Verdict.OVERLOADED || (anyPassed && !passes.test(s))) {
                    break;
                }
            }
        } else {
            for (int j = i - 1; j >= 0; j--) {
                Step s = step(steps.get(j), run, p99BoundMillis);
                done.add(s);
                if (passes.test(s)) {
                    break;
                }
            }
        }
        return sustainedOnly ? chooseSustained(done) : choose(done);
    }

    /** The highest step that was not overloaded (the bound is not the criterion). */
    static Outcome chooseSustained(List<Step> done) {
        int sustained = done.stream().filter(s -> s.verdict() != Verdict.OVERLOADED).mapToInt(Step::rate).max().orElse(0);
        return new Outcome(done, sustained, false);
    }

    static Outcome choose(List<Step> done) {
        int within = done.stream().filter(s -> s.verdict() == Verdict.WITHIN_BOUND).mapToInt(Step::rate).max().orElse(0);
        if (within > 0) {
            return new Outcome(done, within, true);
        }
        int sustained = done.stream().filter(s -> s.verdict() == Verdict.SUSTAINED).mapToInt(Step::rate).max().orElse(0);
        return new Outcome(done, sustained, false);
    }

    private static Step step(int rate, IntFunction<PhaseResult> run, double bound) {
        PhaseResult r = run.apply(rate);
        return new Step(rate, r, judge(r, bound), why(r, bound));
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format("%.1f", v);
    }
}

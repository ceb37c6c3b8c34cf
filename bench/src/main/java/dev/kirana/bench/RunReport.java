package dev.kirana.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything one bench run produced; {@link Report} renders it. */
final class RunReport {
    Instant startedAt = Instant.now();
    String command;
    String mode;
    String machine;
    String git;
    String target;
    BenchOptions options;
    int products;
    double setupSeconds;
    double stackStartSeconds;
    double loadSeconds;
    PhaseResult warmup;
    /** CPU per process with no load, sampled before the warm-up. */
    java.util.Map<String, CpuSampler.Usage> idleCpu = java.util.Map.of();
    Ramp.Outcome gatewayRamp;
    Ramp.Outcome directRamp;
    int measuredRate;
    String rateSource;
    final List<PhaseResult> measured = new ArrayList<>();
    final List<PhaseResult> sql = new ArrayList<>();
    String sqlNote;
    List<String> sqlMigrations = List.of();
    PhaseResult profiled;
    List<JfrProfiler.Profile> profiles = List.of();
    Path jfrDir;
    List<JfrProfiler.Entry> pgActivity = List.of();
    /** pg_stat_statements over each measured phase's load window, by phase name; empty when not counted. */
    final java.util.Map<String, java.util.Map<SqlStatements.Key, SqlStatements.Stat>> statements = new java.util.LinkedHashMap<>();
    /** Why statements were not counted, or null. */
    String statementsNote;
    Invariants.Result invariants;
    /** The soak (--soak); null when it did not run. */
    Soak.Result soak;
    /** Wall-clock time of the timeline's zero (phase start/end seconds are relative to it). */
    Instant origin;
    /** The reports phase (--reports); null when it did not run. */
    ReportsBench.Result reports;
    final List<SagaStages> stages = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    String failure;

    Optional<PhaseResult> phase(String name) {
        return measured.stream().filter(p -> p.spec().name().equals(name)).findFirst();
    }

    Optional<PhaseResult> sqlPhase(String name) {
        return sql.stream().filter(p -> p.spec().name().equals(name)).findFirst();
    }

    /** Every phase in run order, for the chart. */
    List<PhaseResult> allPhases() {
        List<PhaseResult> all = new ArrayList<>();
        if (warmup != null) {
            all.add(warmup);
        }
        if (gatewayRamp != null) {
            gatewayRamp.steps().forEach(s -> all.add(s.result()));
        }
        if (directRamp != null) {
            directRamp.steps().forEach(s -> all.add(s.result()));
        }
        all.addAll(measured);
        if (profiled != null) {
            all.add(profiled);
        }
        all.addAll(sql);
        if (soak != null) {
            all.add(soak.phase());
        }
        all.sort((a, b) -> Double.compare(a.startSeconds(), b.startSeconds()));
        return all;
    }
}

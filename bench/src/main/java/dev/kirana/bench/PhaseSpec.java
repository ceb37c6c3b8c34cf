package dev.kirana.bench;

/**
 * What a phase measures.
 *
 * @param name        short label used in tables and the chart (e.g. {@code gateway-many})
 * @param kind        warm-up, ramp step, measured, profiled, the bare-SQL baseline or the soak
 * @param target      {@code gateway}, {@code order-service} (direct) or {@code postgres} (bare SQL)
 * @param products    {@code many} or {@code hot}
 * @param mode        how the final state is learnt: {@code Prefer: wait}, {@code 202 + poll} or {@code JDBC}
 * @param targetRate  arrivals per second of an open-model phase; 0 for the closed-loop SQL baseline
 * @param concurrency threads of the closed-loop baseline; 0 for open-model phases
 */
public record PhaseSpec(String name, Kind kind, String target, String products, String mode, double targetRate,
                        int concurrency) {

    public enum Kind { WARMUP, RAMP, MEASURED, PROFILED, SQL, SOAK }

    static final String GATEWAY = "gateway";
    static final String DIRECT = "order-service";
    static final String SQL = "postgres";
    static final String WAIT = "Prefer: wait";
    static final String POLL = "202 + poll";
    static final String JDBC = "JDBC";

    boolean openModel() {
        return kind != Kind.SQL;
    }
}

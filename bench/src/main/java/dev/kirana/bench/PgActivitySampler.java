package dev.kirana.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples {@code pg_stat_activity} every 100 ms during a phase: which statements of which service
 * database are running or waiting, and on what (CPU, a row lock, I/O, the client). The share of
 * samples is a picture of where database time goes, and of lock queues (a per-shop counter row that
 * every confirmation updates shows up as {@code Lock:transactionid}).
 */
final class PgActivitySampler implements AutoCloseable {
    private final Db db;
    private final Thread thread;
    private final Map<String, Long> counts = new HashMap<>();
    private volatile boolean running = true;
    private long samples;

    PgActivitySampler(Db db) {
        this.db = db;
        this.thread = new Thread(this::loop, "bench-pg-activity");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        try (Connection c = db.open("postgres");
             PreparedStatement ps = c.prepareStatement("SELECT datname, state, coalesce(wait_event_type || ':' || wait_event, "
                     + "'CPU') AS waiting, regexp_replace(left(query, 70), '\\s+', ' ', 'g') FROM pg_stat_activity "
                     + "WHERE datname LIKE 'kirana\\_%' AND datname <> ? AND pid <> pg_backend_pid() "
                     + "AND state IN ('active', 'idle in transaction')")) {
            ps.setString(1, SqlBaseline.DATABASE);
            while (running) {
                try (ResultSet rs = ps.executeQuery()) {
                    synchronized (counts) {
                        samples++;
                        while (rs.next()) {
                            String state = rs.getString(2);
                            String what = "idle in transaction".equals(state) ? "idle in transaction (waits for the service)"
                                    : rs.getString(3);
                            counts.merge(rs.getString(1) + " | " + what + " | " + rs.getString(4), 1L, Long::sum);
                        }
                    }
                }
                Thread.sleep(100);
            }
        } catch (SQLException e) {
            synchronized (counts) {
                counts.merge("(sampling failed: " + e.getMessage() + ")", 1L, Long::sum);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The busiest (database | wait | statement) triples; the value is the average number of
     * backends in that state (samples in that state / samples taken).
     */
    List<JfrProfiler.Entry> top(int n) {
        synchronized (counts) {
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            return JfrProfiler.top(counts, total, n, samples == 0 ? 0 : 1.0 / samples);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.kirana.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the suite asked of PostgreSQL during a phase, from {@code pg_stat_statements} (the stack the bench starts
 * preloads it): calls and execution time per database and statement, as the difference of two snapshots. Counts
 * are of the whole cluster's service databases ({@code kirana_*}); the bench's own queries run in other databases.
 */
final class SqlStatements {
    /** One statement of one database; {@code query} is PostgreSQL's normalised text ({@code $1} for constants). */
    record Key(String database, String query) {
    }

    record Stat(long calls, double totalMillis) {
        Stat minus(Stat earlier) {
            return earlier == null ? this : new Stat(calls - earlier.calls, totalMillis - earlier.totalMillis);
        }
    }

    private final Db db;
    private final String unavailable;

    SqlStatements(Db db) {
        this.db = db;
        String why = null;
        if (db == null) {
            why = "no database known";
        } else {
            try (Connection c = db.open("postgres"); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT current_setting('shared_preload_libraries')")) {
                    if (!rs.next() || !rs.getString(1).contains("pg_stat_statements")) {
                        why = "pg_stat_statements is not in shared_preload_libraries";
                    }
                }
                if (why == null) {
                    st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                }
            } catch (SQLException e) {
                why = e.getMessage();
            }
        }
        this.unavailable = why;
    }

    /** Null when statements can be counted, else why not. */
    String unavailable() {
        return unavailable;
    }

    Map<Key, Stat> snapshot() {
        if (unavailable != null) {
            return Map.of();
        }
        Map<Key, Stat> out = new HashMap<>();
        try (Connection c = db.open("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT d.datname, s.query, sum(s.calls), sum(s.total_exec_time)
                     FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                     WHERE d.datname LIKE 'kirana\\_%' AND d.datname <> 'kirana_bench'
                     GROUP BY 1, 2""")) {
            while (rs.next()) {
                out.put(new Key(rs.getString(1), rs.getString(2).replaceAll("\\s+", " ").trim()), new Stat(rs.getLong(3), rs.getDouble(4)));
            }
        } catch (SQLException e) {
            return Map.of();
        }
        return out;
    }

    /** What ran between two snapshots, busiest first. */
    static Map<Key, Stat> delta(Map<Key, Stat> before, Map<Key, Stat> after) {
        List<Map.Entry<Key, Stat>> rows = after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().minus(before.get(e.getKey()))))
                .filter(e -> e.getValue().calls() > 0)
                .sorted((a, b) -> Long.compare(b.getValue().calls(), a.getValue().calls()))
                .toList();
        Map<Key, Stat> out = new LinkedHashMap<>();
        rows.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}

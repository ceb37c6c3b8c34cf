package dev.kirana.reporting.report;

import dev.kirana.export.Chart;
import io.r2dbc.spi.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Runs a report's query and shapes its answer: each selected column, in the order of the report's columns and named
 * by their keys, becomes a typed value; the totals row sums the summed columns, and {@code finish} may add what a
 * total cannot sum (a margin %, an average).
 */
@Component
public class ReportEngine {
    private final DatabaseClient db;

    public ReportEngine(DatabaseClient db) {
        this.db = db;
    }

    /** A report definition with its query; {@code binds} by name. */
    public record Query(String report, String title, List<ReportColumn> columns, String sql, Map<String, Object> binds,
                        Chart chart, Consumer<Map<String, Object>> finishTotals) {
        public Query(String report, String title, List<ReportColumn> columns, String sql, Map<String, Object> binds) {
            this(report, title, columns, sql, binds, null, null);
        }

        /** A report whose rows are computed in Java (see {@link #result}), not selected. */
        public static Query computed(String report, String title, List<ReportColumn> columns) {
            return new Query(report, title, columns, null, Map.of());
        }

        public Query withChart(Chart c) {
            return new Query(report, title, columns, sql, binds, c, finishTotals);
        }

        public Query withTotals(Consumer<Map<String, Object>> finish) {
            return new Query(report, title, columns, sql, binds, chart, finish);
        }
    }

    public Mono<ReportResult> run(Query q, String shopId, LocalDate from, LocalDate to, String groupBy) {
        var spec = db.sql(q.sql());
        for (var b : q.binds().entrySet()) {
            spec = b.getValue() == null ? spec.bindNull(b.getKey(), String.class) : spec.bind(b.getKey(), b.getValue());
        }
        return spec.map((row, meta) -> values(row, q.columns())).all().collectList()
                .map(rows -> result(q, shopId, from, to, groupBy, rows));
    }

    /** A report whose rows were computed in Java rather than selected. */
    public static ReportResult result(Query q, String shopId, LocalDate from, LocalDate to, String groupBy,
                                      List<Map<String, Object>> rows) {
        for (Map<String, Object> r : rows) {
            for (ReportColumn c : q.columns()) {
                if (r.get(c.key()) instanceof BigDecimal d) {
                    r.put(c.key(), normalise(c, d));
                }
            }
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        for (ReportColumn c : q.columns()) {
            if (!c.summed()) {
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (Map<String, Object> r : rows) {
                Object v = r.get(c.key());
                if (v instanceof BigDecimal d) {
                    sum = sum.add(d);
                } else if (v instanceof Long l) {
                    sum = sum.add(BigDecimal.valueOf(l));
                }
            }
            totals.put(c.key(), normalise(c, sum));
        }
        if (q.finishTotals() != null) {
            q.finishTotals().accept(totals);
        }
        return new ReportResult(q.report(), q.title(), shopId, from, to, groupBy, q.columns(), rows, totals, q.chart());
    }

    private static Map<String, Object> values(Row row, List<ReportColumn> columns) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ReportColumn c : columns) {
            Object v = switch (c.kind()) {
                case TEXT -> row.get(c.key(), String.class);
                case DATE -> row.get(c.key(), LocalDate.class);
                case INTEGER -> {
                    Number n = row.get(c.key(), Number.class);
                    yield n == null ? null : n.longValue();
                }
                default -> normalise(c, row.get(c.key(), BigDecimal.class));
            };
            out.put(c.key(), v);
        }
        return out;
    }

    /** A number as the column shows it: money to the paisa, quantities to three places, percentages to one. */
    public static Object normalise(ReportColumn c, BigDecimal v) {
        if (v == null) {
            return null;
        }
        return switch (c.kind()) {
            case MONEY -> v.setScale(2, RoundingMode.HALF_UP);
            case QUANTITY -> {
                BigDecimal q = v.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
                yield q.scale() < 0 ? q.setScale(0) : q;
            }
            case PERCENT -> v.setScale(1, RoundingMode.HALF_UP);
            case INTEGER -> v.longValue();
            default -> v;
        };
    }

    /** {@code part} as a percentage of {@code whole} to one decimal, or null when the whole is zero. */
    public static BigDecimal percent(Object part, Object whole) {
        BigDecimal p = part instanceof BigDecimal d ? d : part instanceof Long l ? BigDecimal.valueOf(l) : null;
        BigDecimal w = whole instanceof BigDecimal d ? d : whole instanceof Long l ? BigDecimal.valueOf(l) : null;
        if (p == null || w == null || w.signum() == 0) {
            return null;
        }
        return p.multiply(BigDecimal.valueOf(100)).divide(w, 1, RoundingMode.HALF_UP);
    }

    /** {@code amount / count} to the paisa, or null when the count is zero. */
    public static BigDecimal average(Object amount, Object count) {
        BigDecimal a = amount instanceof BigDecimal d ? d : null;
        long n = count instanceof Long l ? l : count instanceof BigDecimal d ? d.longValue() : 0;
        return a == null || n == 0 ? null : a.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    }

}

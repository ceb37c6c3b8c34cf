package dev.kirana.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;

/** Sample tables for the format tests: rows that may be read only once, as a database cursor would give them. */
final class Tables {
    static final String TITLE = "Sales register";
    static final String SUBTITLE = "Sharma Kirana · 2026-04-01 to 2026-04-03";
    static final String CHART_TITLE = "Sales by day";

    static final List<Column> COLUMNS = List.of(Column.date("Date"), Column.text("Item"), Column.quantity("Qty"),
            Column.integer("Bills"), Column.money("Amount"), Column.percent("GST %"));

    static List<List<Object>> sampleRows() {
        return List.of(
                row(LocalDate.of(2026, 4, 1), "चाय पत्ती", new BigDecimal("2.5"), 3L, new BigDecimal("123456"), new BigDecimal("5")),
                row(LocalDate.of(2026, 4, 2), "=1+2", new BigDecimal("1"), 1, new BigDecimal("-12345.50"), new BigDecimal("18")),
                row(LocalDate.of(2026, 4, 3), null, null, 2L, new BigDecimal("250.5"), new BigDecimal("12.5")),
                row(LocalDate.of(2026, 4, 3), "Tea, \"Premium\"", new BigDecimal("0.250"), 1L, new BigDecimal("0"), null));
    }

    static List<Object> totals() {
        return row(null, "Total", new BigDecimal("4.25"), 7L, new BigDecimal("111361.00"), null);
    }

    static ReportTable sample(Chart chart) {
        return new ReportTable(TITLE, SUBTITLE, COLUMNS, once(sampleRows()), totals(), chart);
    }

    static ReportTable sample() {
        return sample(Chart.line(CHART_TITLE, 0, 4));
    }

    /** {@code count} generated rows, never all in memory. */
    static ReportTable generated(long count, Chart chart) {
        LongFunction<List<Object>> make = i -> row(LocalDate.of(2026, 4, 1).plusDays(i % 365), "Item " + i, BigDecimal.valueOf(i % 97, 1),
                i, BigDecimal.valueOf(i * 37 % 1_000_000, 2), new BigDecimal("18"));
        Iterable<List<Object>> rows = once(() -> new Iterator<>() {
            long next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public List<Object> next() {
                if (next >= count) throw new NoSuchElementException();
                return make.apply(next++);
            }
        });
        return new ReportTable("Big register", "every bill", COLUMNS, rows, null, chart);
    }

    static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    /** An Iterable that gives its iterator once only. */
    static Iterable<List<Object>> once(Iterable<List<Object>> rows) {
        AtomicBoolean used = new AtomicBoolean();
        return () -> {
            if (used.getAndSet(true)) {
                throw new IllegalStateException("rows read twice");
            }
            return rows.iterator();
        };
    }

    private Tables() {
    }
}

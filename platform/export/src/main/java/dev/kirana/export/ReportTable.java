package dev.kirana.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A table to export.
 *
 * @param title    the report's name (first line of every format); null is written as blank
 * @param subtitle a second line, typically the period or the shop; null is written as blank
 * @param columns  the columns, at least one
 * @param rows     each row a {@code List<Object>} with one cell per column: String, BigDecimal, Long/Integer, LocalDate
 *                 or null (blank). Read once, in order, while the file is written, so it can be a cursor over a large
 *                 result (CSV and XLSX stream every row; the PDF keeps the first {@link Exporter#PDF_MAX_ROWS}).
 *                 A row of the wrong width is an {@link IllegalArgumentException}.
 * @param totals   null, or one value per column (null cells blank), written after the rows as a bold totals row
 * @param chart    null for none; drawn in the PDF above the table (CSV and XLSX carry the data only)
 */
public record ReportTable(String title, String subtitle, List<Column> columns, Iterable<List<Object>> rows, List<Object> totals,
                          Chart chart) {

    public ReportTable {
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(rows, "rows");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        columns = List.copyOf(columns);
        if (totals != null) {
            if (totals.size() != columns.size()) {
                throw new IllegalArgumentException("totals has " + totals.size() + " values for " + columns.size() + " columns");
            }
            totals = Collections.unmodifiableList(new ArrayList<>(totals));   // List.copyOf takes no nulls
        }
        if (chart != null) {
            check(chart.labelColumn(), columns.size(), "labelColumn");
            for (int c : chart.valueColumns()) {
                check(c, columns.size(), "valueColumns");
                if (!columns.get(c).kind().numeric()) {
                    throw new IllegalArgumentException("chart value column " + c + " (" + columns.get(c).header() + ") is not numeric");
                }
            }
        }
    }

    /** A table without totals or chart. */
    public ReportTable(String title, String subtitle, List<Column> columns, Iterable<List<Object>> rows) {
        this(title, subtitle, columns, rows, null, null);
    }

    private static void check(int column, int count, String what) {
        if (column < 0 || column >= count) {
            throw new IllegalArgumentException("chart " + what + " " + column + " is not one of the " + count + " columns");
        }
    }
}

package dev.kirana.accounting.statement;

import dev.kirana.export.Column;
import dev.kirana.export.ExportFormat;
import dev.kirana.export.Exporter;
import dev.kirana.export.ReportTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement table as CSV, XLSX or PDF, written by the suite's exporter. All blocking (CPU and memory only): call them
 * off the event loop.
 */
public final class StatementFiles {

    public static byte[] render(StatementTable table, ExportFormat format) {
        String subtitle = format == ExportFormat.PDF ? table.period() + "   (amounts in Rs.)" : table.period();
        return Exporter.bytes(report(table, subtitle), format);
    }

    static byte[] csv(StatementTable t) {
        return render(t, ExportFormat.CSV);
    }

    static byte[] xlsx(StatementTable t) {
        return render(t, ExportFormat.XLSX);
    }

    static byte[] pdf(StatementTable t) {
        return render(t, ExportFormat.PDF);
    }

    /** The amount columns as MONEY (a blank amount stays blank), the others as text. */
    static ReportTable report(StatementTable t, String subtitle) {
        List<Column> columns = new ArrayList<>(t.headers().size());
        for (int c = 0; c < t.headers().size(); c++) {
            columns.add(t.moneyColumns().contains(c) ? Column.money(t.headers().get(c)) : Column.text(t.headers().get(c)));
        }
        List<List<Object>> rows = new ArrayList<>(t.rows().size());
        for (List<String> row : t.rows()) {
            rows.add(cells(t, row));
        }
        return new ReportTable(t.title(), subtitle, columns, rows, t.totals() == null ? null : cells(t, t.totals()), t.chart());
    }

    private static List<Object> cells(StatementTable t, List<String> row) {
        List<Object> cells = new ArrayList<>(t.headers().size());
        for (int c = 0; c < t.headers().size(); c++) {
            String v = c < row.size() ? row.get(c) : null;
            if (v == null || v.isEmpty()) {
                cells.add(null);
            } else if (t.moneyColumns().contains(c)) {
                cells.add(amount(v));
            } else {
                cells.add(v);
            }
        }
        return cells;
    }

    private static Object amount(String v) {
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private StatementFiles() {
    }
}

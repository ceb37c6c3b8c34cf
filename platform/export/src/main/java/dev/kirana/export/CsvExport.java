package dev.kirana.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8 with a byte order mark (so that Excel shows ₹ and Hindi names right), CRLF line ends: a title
 * line, a subtitle line, the header, the rows, then the totals. Written row by row through a small buffer.
 */
final class CsvExport {

    static void write(ReportTable t, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        w.write('\uFEFF');
        record(w, List.of(safe(t.title())));
        record(w, List.of(safe(t.subtitle())));
        List<String> cells = new ArrayList<>(t.columns().size());
        for (Column c : t.columns()) {
            cells.add(safe(c.header()));
        }
        record(w, cells);
        Cells.forEachRow(t, row -> record(w, cells(t.columns(), row, cells)));
        if (t.totals() != null) {
            record(w, cells(t.columns(), t.totals(), cells));
        }
        w.flush();   // not closed: the caller owns the stream
    }

    private static List<String> cells(List<Column> columns, List<Object> row, List<String> cells) {
        cells.clear();
        for (int c = 0; c < columns.size(); c++) {
            Column.Kind kind = columns.get(c).kind();
            Object v = row.get(c);
            boolean numberOrDate = Cells.number(kind, v) != null || Cells.date(kind, v) != null;
            String s = Cells.plain(kind, v);
            cells.add(numberOrDate ? s : safe(s));
        }
        return cells;
    }

    /** One record: fields quoted only when they must be; a lone empty field as "" so that the line is not empty. */
    private static void record(Writer w, List<String> cells) throws IOException {
        if (cells.size() == 1 && cells.get(0).isEmpty()) {
            w.write("\"\"");
        }
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String s = cells.get(i);
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                w.write('"');
                w.write(s.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(s);
            }
        }
        w.write("\r\n");
    }

    /**
     * Text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets a leading
     * apostrophe, so that it is shown, not evaluated. Numbers in numeric columns never pass through here.
     */
    static String safe(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        char first = s.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + s : s;
    }

    private CsvExport() {
    }
}

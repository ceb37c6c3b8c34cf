package dev.kirana.catalog.spreadsheet;

import java.util.List;
import java.util.Map;

/**
 * A spreadsheet as read: its headers in file order and its non-empty data rows. Each row keeps its
 * number as the user sees it (the header is row 1) and its cells by header.
 */
public record Sheet(Format format, List<String> headers, List<Row> rows) {
    public enum Format { CSV, XLSX }

    public record Row(int number, Map<String, String> cells) {
        public String cell(String header) {
            return cells.get(header);
        }
    }
}

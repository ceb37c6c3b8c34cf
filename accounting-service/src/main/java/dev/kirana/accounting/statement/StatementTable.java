package dev.kirana.accounting.statement;

import dev.kirana.export.Chart;
import java.util.List;
import java.util.Set;

/**
 * A statement laid out as a table for export: a title, the period, column headers and rows of text; the columns in
 * {@code moneyColumns} hold amounts (written as numbers in a spreadsheet, right-aligned in a PDF). {@code totals}, when
 * not null, is the closing totals line (bold, and outside a spreadsheet's filter); {@code chart}, when not null, is
 * drawn above the table in the PDF.
 */
public record StatementTable(String title, String period, List<String> headers, List<List<String>> rows, Set<Integer> moneyColumns,
                             List<String> totals, Chart chart) {

    public StatementTable(String title, String period, List<String> headers, List<List<String>> rows, Set<Integer> moneyColumns) {
        this(title, period, headers, rows, moneyColumns, null, null);
    }
}

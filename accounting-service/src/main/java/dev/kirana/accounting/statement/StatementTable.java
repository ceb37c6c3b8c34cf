package dev.kirana.accounting.statement;

import java.util.List;
import java.util.Set;

/**
 * A statement laid out as a table for export: a title, the period, column headers and rows of text; the columns in
 * {@code moneyColumns} hold amounts (written as numbers in a spreadsheet, right-aligned in a PDF).
 */
public record StatementTable(String title, String period, List<String> headers, List<List<String>> rows, Set<Integer> moneyColumns) {
}

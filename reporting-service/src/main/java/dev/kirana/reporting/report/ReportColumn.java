package dev.kirana.reporting.report;

import dev.kirana.export.Column;

/**
 * One column of a report: its JSON key, its header in exports, what it holds, and whether the totals row sums it.
 * MONEY is rounded to the paisa, QUANTITY to three decimals, PERCENT to one decimal (12.5 means 12.5 %).
 */
public record ReportColumn(String key, String header, Column.Kind kind, boolean summed) {
    public static ReportColumn text(String key, String header) {
        return new ReportColumn(key, header, Column.Kind.TEXT, false);
    }

    public static ReportColumn date(String key, String header) {
        return new ReportColumn(key, header, Column.Kind.DATE, false);
    }

    public static ReportColumn money(String key, String header) {
        return new ReportColumn(key, header, Column.Kind.MONEY, true);
    }

    public static ReportColumn quantity(String key, String header) {
        return new ReportColumn(key, header, Column.Kind.QUANTITY, true);
    }

    public static ReportColumn count(String key, String header) {
        return new ReportColumn(key, header, Column.Kind.INTEGER, true);
    }

    public static ReportColumn integer(String key, String header) {
        return new ReportColumn(key, header, Column.Kind.INTEGER, false);
    }

    public static ReportColumn percent(String key, String header) {
        return new ReportColumn(key, header, Column.Kind.PERCENT, false);
    }

    /** The same column, not summed in the totals row (a rate, a balance, an average). */
    public ReportColumn unsummed() {
        return new ReportColumn(key, header, kind, false);
    }
}

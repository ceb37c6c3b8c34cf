package dev.kirana.export;

import java.util.Objects;

/**
 * A column of a {@link ReportTable}: its header and what kind of value it holds, which decides how each format writes
 * it (a number cell with a number format in XLSX, a right-aligned grouped figure in the PDF, a plain number in CSV).
 */
public record Column(String header, Kind kind) {

    /**
     * What a column holds. The numeric kinds take {@link java.math.BigDecimal}, {@link Long} or {@link Integer} cells
     * (a String that is a plain decimal number such as "-12.50" is read as that number).
     */
    public enum Kind {
        /** Any text; a cell a spreadsheet would run as a formula is neutralised in CSV. */
        TEXT,
        /** A whole count: XLSX {@code #,##0}, PDF with Indian grouping. */
        INTEGER,
        /** A quantity that may be fractional (kg, litres): XLSX {@code #,##0.###}, PDF with Indian grouping. */
        QUANTITY,
        /** Rupees and paise, written to two decimals: XLSX {@code #,##0.00}, PDF with Indian grouping and no ₹ sign. */
        MONEY,
        /**
         * Percentage points: 12.5 means 12.5 %. Every format keeps that number (CSV 12.5, PDF "12.5%", XLSX the
         * number 12.5 shown with the format {@code 0.0"%"}), so it reads back the same from each.
         */
        PERCENT,
        /** A {@link java.time.LocalDate} (or an ISO yyyy-mm-dd String): XLSX a date cell {@code yyyy-mm-dd}, CSV and PDF ISO text. */
        DATE;

        /** Whether cells of this kind are numbers. */
        public boolean numeric() {
            return this == INTEGER || this == QUANTITY || this == MONEY || this == PERCENT;
        }
    }

    public Column {
        Objects.requireNonNull(kind, "kind");
        header = header == null ? "" : header;
    }

    public static Column text(String header) {
        return new Column(header, Kind.TEXT);
    }

    public static Column money(String header) {
        return new Column(header, Kind.MONEY);
    }

    public static Column quantity(String header) {
        return new Column(header, Kind.QUANTITY);
    }

    public static Column integer(String header) {
        return new Column(header, Kind.INTEGER);
    }

    public static Column percent(String header) {
        return new Column(header, Kind.PERCENT);
    }

    public static Column date(String header) {
        return new Column(header, Kind.DATE);
    }
}

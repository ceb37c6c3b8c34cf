package dev.kirana.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Writes a {@link ReportTable} as CSV, XLSX or PDF. Blocking (CPU, memory, and temp files for XLSX): call it off an
 * event loop. CSV and XLSX stream every row; the PDF holds at most {@link #PDF_MAX_ROWS} rows.
 */
public final class Exporter {
    /** The most rows a PDF shows (a PDF is for people to read); a line under the table says how many more there were. */
    public static final int PDF_MAX_ROWS = 20_000;

    /**
     * Writes the table to {@code out}, which is flushed but not closed. The rows are read once, in order. If a row
     * does not have one cell per column an {@link IllegalArgumentException} is thrown, and what was written until then
     * is incomplete.
     */
    public static void write(ReportTable table, ExportFormat format, OutputStream out) throws IOException {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        switch (format) {
            case CSV -> CsvExport.write(table, out);
            case XLSX -> XlsxExport.write(table, out);
            case PDF -> PdfExport.write(table, out);
        }
    }

    /**
     * An XLSX workbook with one sheet per table, in order, each sheet laid out as {@link #write} lays out one table and
     * named by the table's title (a repeated title gets " (2)"). Blocking: call it off an event loop.
     */
    public static byte[] workbook(java.util.List<ReportTable> tables) {
        Objects.requireNonNull(tables, "tables");
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs at least one table");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XlsxExport.write(tables, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The whole file in memory: for tables known to be small. */
    public static byte[] bytes(ReportTable table, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(table, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Exporter() {
    }
}

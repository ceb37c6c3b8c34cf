package dev.kirana.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One sheet written through POI's streaming workbook (rows beyond a window of {@value #WINDOW} go to a compressed temp
 * file, removed when done): the title (bold) in row 1, the subtitle in row 2, a blank row, the bold header in row 4
 * with the panes frozen below it and an auto-filter over the data, then the rows and a bold totals row. Numbers are
 * number cells with a number format, dates are date cells, so that the sheet adds up and sorts in Excel.
 */
final class XlsxExport {
    static final int WINDOW = 100;
    static final int HEADER_ROW = 3;
    static final String MONEY_FORMAT = "#,##0.00";
    static final String QUANTITY_FORMAT = "#,##0.###";
    static final String INTEGER_FORMAT = "#,##0";
    /** PERCENT cells hold percentage points (12.5 for 12.5 %), shown with a literal percent sign. */
    static final String PERCENT_FORMAT = "0.0\"%\"";
    static final String DATE_FORMAT = "yyyy-mm-dd";
    private static final int MAX_WIDTH_CHARS = 60;
    private static final int MIN_WIDTH_CHARS = 6;

    static void write(ReportTable t, OutputStream out) throws IOException {
        write(List.of(t), out);
    }

    /** One workbook with a sheet per table, in order, each named by its table's title (made unique). */
    static void write(List<ReportTable> tables, OutputStream out) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        book.setCompressTempFiles(true);
        try {
            Styles styles = new Styles(book);
            for (ReportTable t : tables) {
                sheet(book, styles, t);
            }
            book.write(new NonClosingOutputStream(out));
        } finally {
            book.close();   // also deletes the temp files
        }
    }

    private static void sheet(SXSSFWorkbook book, Styles styles, ReportTable t) throws IOException {
        String base = t.title() == null || t.title().isBlank() ? "Report" : WorkbookUtil.createSafeSheetName(t.title());
        String name = base;
        for (int n = 2; book.getSheet(name) != null; n++) {
            String suffix = " (" + n + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        SXSSFSheet sheet = book.createSheet(name);
        List<Column> columns = t.columns();
        int[] widths = new int[columns.size()];

        Cell title = sheet.createRow(0).createCell(0);
        title.setCellValue(t.title() == null ? "" : t.title());
        title.setCellStyle(styles.title);
        if (t.subtitle() != null) {
            sheet.createRow(1).createCell(0).setCellValue(t.subtitle());
        }
        Row header = sheet.createRow(HEADER_ROW);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(columns.get(c).header());
            cell.setCellStyle(columns.get(c).kind().numeric() ? styles.headerRight : styles.header);
            widths[c] = columns.get(c).header().length() + 3;   // room for the filter button
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);

        int[] next = {HEADER_ROW + 1};
        Cells.forEachRow(t, values -> {
            row(sheet.createRow(next[0]++), columns, values, styles.body, widths);
        });
        int lastData = next[0] - 1;
        if (t.totals() != null) {
            row(sheet.createRow(next[0]), columns, t.totals(), styles.bold, widths);
        }
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(HEADER_ROW, lastData), 0, columns.size() - 1));
        for (int c = 0; c < columns.size(); c++) {
            int chars = Math.max(MIN_WIDTH_CHARS, Math.min(MAX_WIDTH_CHARS, widths[c] + 1));
            sheet.setColumnWidth(c, chars * 256);
        }
    }

    private static void row(Row row, List<Column> columns, List<Object> values, Map<Column.Kind, CellStyle> style, int[] widths) {
        for (int c = 0; c < columns.size(); c++) {
            Object v = values.get(c);
            if (v == null) {
                continue;
            }
            Column.Kind kind = columns.get(c).kind();
            Cell cell = row.createCell(c);
            BigDecimal n = Cells.number(kind, v);
            LocalDate d = Cells.date(kind, v);
            String shown;
            if (n != null) {
                // a spreadsheet cell holds a binary double: exact to the paisa for any shop's amounts
                cell.setCellValue(n.doubleValue());
                cell.setCellStyle(style.get(kind));
                shown = Cells.display(kind, n);
            } else if (d != null) {
                cell.setCellValue(d);
                cell.setCellStyle(style.get(Column.Kind.DATE));
                shown = DATE_FORMAT;
            } else {
                String s = Cells.text(v);
                int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
                cell.setCellValue(s.length() > max ? s.substring(0, max) : s);
                cell.setCellStyle(style.get(Column.Kind.TEXT));
                shown = s;
            }
            if (shown.length() > widths[c]) {
                widths[c] = Math.min(shown.length(), MAX_WIDTH_CHARS);
            }
        }
    }

    /** The workbook's styles, made once (a workbook holds at most 64,000). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle headerRight;
        final Map<Column.Kind, CellStyle> body = new EnumMap<>(Column.Kind.class);
        final Map<Column.Kind, CellStyle> bold = new EnumMap<>(Column.Kind.class);

        Styles(SXSSFWorkbook book) {
            Font boldFont = book.createFont();
            boldFont.setBold(true);
            Font titleFont = book.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 13);
            title = book.createCellStyle();
            title.setFont(titleFont);
            header = book.createCellStyle();
            header.setFont(boldFont);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            headerRight = book.createCellStyle();
            headerRight.cloneStyleFrom(header);
            headerRight.setAlignment(HorizontalAlignment.RIGHT);
            var formats = book.createDataFormat();
            for (Column.Kind kind : Column.Kind.values()) {
                for (boolean isBold : new boolean[]{false, true}) {
                    CellStyle s = book.createCellStyle();
                    String format = switch (kind) {
                        case MONEY -> MONEY_FORMAT;
                        case QUANTITY -> QUANTITY_FORMAT;
                        case INTEGER -> INTEGER_FORMAT;
                        case PERCENT -> PERCENT_FORMAT;
                        case DATE -> DATE_FORMAT;
                        case TEXT -> null;
                    };
                    if (format != null) {
                        s.setDataFormat(formats.getFormat(format));
                    }
                    if (isBold) {
                        s.setFont(boldFont);
                        s.setBorderTop(BorderStyle.THIN);
                    }
                    (isBold ? bold : body).put(kind, s);
                }
            }
        }
    }

    private XlsxExport() {
    }
}

package dev.kirana.catalog.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes rows as CSV (UTF-8 with a BOM, so Excel reads the ₹ and Hindi names right) or XLSX. Blocking: call it off the event loop. */
public final class SheetWriter {
    private SheetWriter() {
    }

    public static byte[] csv(List<String> headers, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xEF);
        out.write(0xBB);
        out.write(0xBF);
        try (var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             var printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(headers);
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(SheetWriter::defuse).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * XLSX with a bold, frozen header row. Cells of the columns in {@code numberFormats} that hold a number are
     * written as numbers in that format (so that Excel can add them up); everything else as text (codes keep
     * their leading zeros).
     */
    public static byte[] xlsx(String sheetName, List<String> headers, List<List<String>> rows, Map<String, String> numberFormats) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet(sheetName);
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            Map<String, CellStyle> numberStyles = new HashMap<>();
            numberFormats.forEach((column, pattern) -> {
                CellStyle style = book.createCellStyle();
                style.setDataFormat(book.createDataFormat().getFormat(pattern));
                numberStyles.put(column, style);
            });
            var header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                var cell = header.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, Math.min(60, Math.max(12, headers.get(c).length() + 4)) * 256);
            }
            sheet.createFreezePane(0, 1);
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r + 1);
                List<String> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    String v = values.get(c);
                    if (v == null || v.isEmpty()) {
                        continue;
                    }
                    var cell = row.createCell(c);
                    CellStyle numberStyle = c < headers.size() ? numberStyles.get(headers.get(c)) : null;
                    BigDecimal number = numberStyle == null ? null : parse(v);
                    if (number != null) {
                        cell.setCellValue(number.doubleValue());
                        cell.setCellStyle(numberStyle);
                    } else {
                        cell.setCellValue(v);
                        cell.setCellStyle(text);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text cell that a spreadsheet would run as a formula is written with a leading apostrophe (CSV injection). */
    static String defuse(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r'
                || (first == '-' && parse(value) == null);
        return formula ? "'" + value : value;
    }

    private static BigDecimal parse(String v) {
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

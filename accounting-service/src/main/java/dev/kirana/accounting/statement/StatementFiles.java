package dev.kirana.accounting.statement;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A statement table as CSV, XLSX or PDF. All blocking (CPU and memory only): call them off the event loop. */
public final class StatementFiles {
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
    private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 8);

    public enum Format {
        CSV("text/csv;charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        PDF("application/pdf", "pdf");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }
    }

    public static byte[] render(StatementTable table, Format format) {
        return switch (format) {
            case CSV -> csv(table);
            case XLSX -> xlsx(table);
            case PDF -> pdf(table);
        };
    }

    /** UTF-8 with a byte order mark so that Excel shows names in Hindi or with ₹ right; a cell a spreadsheet would run as a formula is quoted. */
    static byte[] csv(StatementTable t) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(line(List.of(t.title(), t.period())));
        out.append(line(t.headers()));
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            StringBuilder cells = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) cells.append(',');
                cells.append(cell(row.get(c), t.moneyColumns().contains(c)));
            }
            out.append(cells).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String line(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) b.append(',');
            b.append(cell(cells.get(i), false));
        }
        return b.append("\r\n").toString();
    }

    private static String cell(String v, boolean money) {
        if (v == null || v.isEmpty()) {
            return "";
        }
        String s = v;
        char first = s.charAt(0);
        if (!money && (first == '=' || first == '+' || first == '-' || first == '@')) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** One sheet: title, period, a bold header row, then the rows; amounts as numbers formatted to two decimals so they add up in Excel. */
    static byte[] xlsx(StatementTable t) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet(t.title());
            CellStyle bold = book.createCellStyle();
            var font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            money.setAlignment(HorizontalAlignment.RIGHT);
            var title = sheet.createRow(0).createCell(0);
            title.setCellValue(t.title());
            title.setCellStyle(bold);
            sheet.createRow(1).createCell(0).setCellValue(t.period());
            var header = sheet.createRow(3);
            for (int c = 0; c < t.headers().size(); c++) {
                var cell = header.createCell(c);
                cell.setCellValue(t.headers().get(c));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, (c == 1 ? 40 : 16) * 256);
            }
            for (int r = 0; r < t.rows().size(); r++) {
                var row = sheet.createRow(r + 4);
                List<String> values = t.rows().get(r);
                for (int c = 0; c < values.size(); c++) {
                    String v = values.get(c);
                    if (v == null || v.isEmpty()) {
                        continue;
                    }
                    var cell = row.createCell(c);
                    if (t.moneyColumns().contains(c)) {
                        // a spreadsheet cell holds a binary number; the amount is exact to the paisa at this size
                        cell.setCellValue(new BigDecimal(v).doubleValue());
                        cell.setCellStyle(money);
                    } else {
                        cell.setCellValue(v);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdf(StatementTable t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(t.headers().size() > 5 ? PageSize.A4.rotate() : PageSize.A4, 30, 30, 30, 30);
        PdfWriter.getInstance(doc, out);
        doc.open();
        doc.add(new Paragraph(t.title(), TITLE));
        doc.add(new Paragraph(t.period() + "   (amounts in Rs.)", BODY));
        doc.add(new Paragraph(" ", BODY));
        PdfPTable table = new PdfPTable(t.headers().size());
        table.setWidthPercentage(100);
        for (String h : t.headers()) {
            table.addCell(new PdfPCell(new Phrase(h, HEAD)));
        }
        for (List<String> row : t.rows()) {
            for (int c = 0; c < t.headers().size(); c++) {
                String v = c < row.size() && row.get(c) != null ? row.get(c) : "";
                PdfPCell cell = new PdfPCell(new Phrase(v, BODY));
                if (t.moneyColumns().contains(c)) {
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                table.addCell(cell);
            }
        }
        doc.add(table);
        doc.close();
        return out.toByteArray();
    }

    private StatementFiles() {
    }
}

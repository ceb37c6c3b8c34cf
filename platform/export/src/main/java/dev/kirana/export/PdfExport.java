package dev.kirana.export;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * An A4 document (landscape above five columns): the title, the subtitle, the chart if there is one, then the table
 * with its header row repeated on every page, numbers right-aligned with Indian grouping (amounts without the ₹
 * sign, which the standard PDF fonts do not have), a bold totals row, and page numbers at the foot. The rows are
 * collected first (the chart needs them before the table); at most {@link Exporter#PDF_MAX_ROWS} are shown, with a
 * line saying how many were left out (the rest are still read, only to be counted).
 *
 * <p>The text is set in Helvetica, whose character set is Latin-1: Devanagari and other scripts do not show in the
 * PDF (they do in CSV and XLSX).
 */
final class PdfExport {
    private static final float MARGIN = 30;
    /** Rows handed to the document at a time, so that a long table does not sit whole in memory as cells. */
    private static final int CHUNK = 500;
    private static final Color HEADER_FILL = new Color(0xE6, 0xE6, 0xE6);
    private static final Color RULE = new Color(0xB0, 0xB0, 0xB0);

    static void write(ReportTable t, OutputStream out) throws IOException {
        write(t, out, Exporter.PDF_MAX_ROWS);
    }

    static void write(ReportTable t, OutputStream out, int maxRows) throws IOException {
        Cells.Collected data = Cells.collect(t, maxRows);
        List<Column> columns = t.columns();
        Font titleFont = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
        Font subtitleFont = FontFactory.getFont(FontFactory.HELVETICA, 9);
        Font head = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 8);
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 7, Color.DARK_GRAY);

        Document doc = new Document(columns.size() > 5 ? PageSize.A4.rotate() : PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setCloseStream(false);
        try {
            if (t.title() != null) {
                doc.addTitle(t.title());
            }
            HeaderFooter footer = new HeaderFooter(new Phrase("Page ", small), true);
            footer.setBorder(Rectangle.NO_BORDER);
            footer.setAlignment(Element.ALIGN_RIGHT);
            doc.setFooter(footer);
            doc.open();
            doc.add(new Paragraph(t.title() == null ? "" : t.title(), titleFont));
            if (t.subtitle() != null && !t.subtitle().isBlank()) {
                doc.add(new Paragraph(t.subtitle(), subtitleFont));
            }
            doc.add(new Paragraph(" ", subtitleFont));
            if (t.chart() != null) {
                float width = doc.right() - doc.left();
                float height = Math.min(260, (doc.top() - doc.bottom()) * 0.45f);
                Image chart = ChartDrawing.draw(writer.getDirectContent(), t.chart(), columns, data.rows(), width, height);
                chart.setAlignment(Image.MIDDLE);
                chart.setSpacingAfter(8);
                doc.add(chart);
            }

            PdfPTable table = new PdfPTable(widths(columns, data.rows()));
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            table.setComplete(false);
            for (Column c : columns) {
                PdfPCell cell = cell(c.header(), head, c.kind().numeric());
                cell.setBackgroundColor(HEADER_FILL);
                table.addCell(cell);
            }
            int added = 0;
            for (List<Object> row : data.rows()) {
                for (int c = 0; c < columns.size(); c++) {
                    Column.Kind kind = columns.get(c).kind();
                    table.addCell(cell(Cells.display(kind, row.get(c)), body, kind.numeric()));
                }
                if (++added % CHUNK == 0) {
                    doc.add(table);
                }
            }
            if (t.totals() != null) {
                for (int c = 0; c < columns.size(); c++) {
                    Column.Kind kind = columns.get(c).kind();
                    PdfPCell cell = cell(Cells.display(kind, t.totals().get(c)), head, kind.numeric());
                    cell.setBorderWidthTop(1.2f);
                    table.addCell(cell);
                }
            }
            table.setComplete(true);
            doc.add(table);
            if (data.leftOut() > 0) {
                doc.add(new Paragraph("Only the first " + IndianFormat.grouped(data.rows().size()) + " rows are shown; "
                        + IndianFormat.grouped(data.leftOut()) + " more were left out of this PDF. "
                        + "The CSV and XLSX exports carry every row.", subtitleFont));
            }
        } finally {
            if (doc.isOpen()) {
                doc.close();
            }
        }
        out.flush();
    }

    private static PdfPCell cell(String text, Font font, boolean right) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(3);
        cell.setBorderColor(RULE);
        cell.setHorizontalAlignment(right ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        return cell;
    }

    /** Relative column widths from the header and the longest cells (bounded, so that one long name does not squeeze the rest). */
    private static float[] widths(List<Column> columns, List<List<Object>> rows) {
        float[] w = new float[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            w[c] = Math.max(4, Math.min(columns.get(c).header().length(), 24));
        }
        for (List<Object> row : rows) {
            for (int c = 0; c < columns.size(); c++) {
                int len = Cells.display(columns.get(c).kind(), row.get(c)).length();
                if (len > w[c]) {
                    w[c] = Math.min(len, 40);
                }
            }
        }
        return w;
    }

    private PdfExport() {
    }
}

package dev.kirana.catalog.barcode;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import dev.kirana.catalog.gs1.Symbology;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Shelf labels on A4 sheets of 24 (3 × 8 labels of 63.5 × 33.9 mm, the common "L7159" stationery): the product's
 * name, its price and MRP, and its barcode drawn as vector bars (OpenPDF) with the code written under it. Amounts are
 * written "Rs." because the PDF's standard fonts have no rupee sign. Blocking work: call it off the event loop.
 */
public final class LabelSheet {
    static final int COLUMNS = 3;
    static final int ROWS = 8;
    static final float MM = 72f / 25.4f;
    static final float LABEL_WIDTH = 63.5f * MM;
    static final float LABEL_HEIGHT = 33.9f * MM;
    static final float GAP = 2.5f * MM;

    /** One label to print: what the shelf shows. */
    public record Label(String name, BigDecimal price, BigDecimal mrp, String code) {
    }

    private LabelSheet() {
    }

    public static byte[] pdf(List<Label> labels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 0, 0, 0, 0);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle("Shelf labels");
            document.open();
            BaseFont regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, false);
            BaseFont bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, false);
            float left = (PageSize.A4.getWidth() - COLUMNS * LABEL_WIDTH - (COLUMNS - 1) * GAP) / 2;
            float top = PageSize.A4.getHeight() - (PageSize.A4.getHeight() - ROWS * LABEL_HEIGHT) / 2;
            for (int i = 0; i < labels.size(); i++) {
                int onPage = i % (COLUMNS * ROWS);
                if (i > 0 && onPage == 0) {
                    document.newPage();
                }
                float x = left + (onPage % COLUMNS) * (LABEL_WIDTH + GAP);
                float y = top - (onPage / COLUMNS + 1) * LABEL_HEIGHT;
                draw(writer.getDirectContent(), labels.get(i), x, y, regular, bold);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot write the label sheet", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void draw(PdfContentByte pdf, Label label, float x, float y, BaseFont regular, BaseFont bold) {
        float pad = 2.5f * MM;
        float width = LABEL_WIDTH - 2 * pad;
        text(pdf, bold, 8.5f, fit(label.name(), bold, 8.5f, width), x + pad, y + LABEL_HEIGHT - pad - 8.5f);
        String prices = "Rs. " + label.price().toPlainString()
                + (label.mrp() == null ? "" : "    MRP Rs. " + label.mrp().toPlainString());
        text(pdf, regular, 8, fit(prices, regular, 8, width), x + pad, y + LABEL_HEIGHT - pad - 19);

        boolean[] modules = Symbology.of(label.code()).modules(label.code());
        float module = Math.min(width / modules.length, 0.33f * MM * 1.2f);
        float barsWidth = module * modules.length;
        float barsX = x + (LABEL_WIDTH - barsWidth) / 2;
        float barsY = y + pad + 8;
        float barsHeight = LABEL_HEIGHT - 2 * pad - 8 - 24;
        pdf.setRGBColorFill(0, 0, 0);
        for (int m = 0; m < modules.length; m++) {
            if (modules[m]) {
                int run = 1;
                while (m + run < modules.length && modules[m + run]) run++;
                pdf.rectangle(barsX + m * module, barsY, run * module, barsHeight);
                m += run - 1;
            }
        }
        pdf.fill();
        float codeWidth = regular.getWidthPoint(label.code(), 7);
        text(pdf, regular, 7, label.code(), x + (LABEL_WIDTH - codeWidth) / 2, y + pad);
    }

    private static void text(PdfContentByte pdf, BaseFont font, float size, String text, float x, float y) {
        pdf.beginText();
        pdf.setFontAndSize(font, size);
        pdf.setTextMatrix(x, y);
        pdf.showText(text);
        pdf.endText();
    }

    /** The text, cut with an ellipsis where it would run past the label's width. */
    static String fit(String text, BaseFont font, float size, float width) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        if (font.getWidthPoint(clean, size) <= width) return clean;
        String cut = clean;
        while (!cut.isEmpty() && font.getWidthPoint(cut + "...", size) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "...";
    }
}

package dev.kirana.order.invoice;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.kirana.order.gst.SupplyType;
import dev.kirana.order.upi.UpiLink;
import dev.kirana.order.qr.QrCode;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a tax invoice, bill of supply or credit note as an A4 PDF: supplier and buyer with GSTINs, number and date,
 * place of supply, reverse charge, lines with HSN, a rate-wise CGST/SGST(UTGST)/IGST summary, the round-off and the
 * amount in words; on a sale with an amount due on khata and a shop with a UPI address, a QR code to pay it by UPI;
 * on a registered e-invoice, its IRN, acknowledgement and the portal's signed QR code.
 * Blocking work: call it off the event loop.
 */
public final class InvoicePdf {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter ACK = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14, Font.NORMAL);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9, Font.NORMAL);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9, Font.NORMAL);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 7.5f, Font.NORMAL);
    private static final Font SMALL_BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7.5f, Font.NORMAL);
    private static final Font MARKER = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12, Font.NORMAL, new Color(180, 0, 0));
    private static final Color SHADE = new Color(235, 235, 235);

    public static byte[] render(InvoiceData d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 28, 28, 28, 28);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(d.title() + " " + d.number());
        doc.addCreator("Kirana");
        doc.open();
        Paragraph title = new Paragraph(d.title().toUpperCase(), TITLE);
        title.setAlignment(Element.ALIGN_CENTER);
        doc.add(title);
        if (d.marker() != null) {
            Paragraph m = new Paragraph(d.marker(), MARKER);
            m.setAlignment(Element.ALIGN_CENTER);
            doc.add(m);
        }
        if (d.eInvoice() != null) {
            doc.add(eInvoice(d.eInvoice()));
        }
        doc.add(Chunk.NEWLINE);
        doc.add(parties(d));
        doc.add(Chunk.NEWLINE);
        doc.add(items(d));
        if (d.chargesTax()) {
            doc.add(Chunk.NEWLINE);
            doc.add(rateSummary(d));
        }
        doc.add(Chunk.NEWLINE);
        doc.add(totals(d));
        Paragraph words = new Paragraph("Amount in words: " + d.amountInWords(), BOLD);
        words.setSpacingBefore(6);
        doc.add(words);
        if (!d.payments().isEmpty()) {
            StringBuilder paid = new StringBuilder("Paid: ");
            for (int i = 0; i < d.payments().size(); i++) {
                InvoiceData.Payment p = d.payments().get(i);
                paid.append(i == 0 ? "" : "; ").append(p.label()).append(" ").append(money(p.amount()));
            }
            if (d.change() != null && d.change().signum() > 0) {
                paid.append("; change returned ").append(money(d.change()));
            }
            doc.add(new Paragraph(paid.toString(), BODY));
        }
        if (d.upi() != null) {
            doc.add(upi(d));
        }
        if (d.declaration() != null) {
            Paragraph decl = new Paragraph(d.declaration(), BOLD);
            decl.setSpacingBefore(6);
            doc.add(decl);
        }
        if (d.footer() != null) {
            doc.add(new Paragraph(d.footer(), BODY));
        }
        Paragraph sign = new Paragraph("For " + d.supplierName() + "\nThis is a computer-generated document.", SMALL);
        sign.setAlignment(Element.ALIGN_RIGHT);
        sign.setSpacingBefore(12);
        doc.add(sign);
        doc.close();
        return out.toByteArray();
    }

    /** The UPI QR code of the amount still due, with what it pays, to whom and for which invoice. */
    private static PdfPTable upi(InvoiceData d) {
        PdfPTable t = new PdfPTable(new float[]{1f, 3f});
        t.setWidthPercentage(60);
        t.setHorizontalAlignment(Element.ALIGN_LEFT);
        t.setSpacingBefore(8);
        // one grey pixel a module, scaled up by the viewer without smoothing: sharp at any zoom and in print
        QrCode.Bitmap bits = QrCode.bitmap(d.upi().link().uri());
        Image qr = Image.getInstance(bits.size(), bits.size(), 1, 8, bits.pixels());
        qr.scaleAbsolute(96, 96);
        PdfPCell code = new PdfPCell(qr, false);
        code.setBorder(Rectangle.NO_BORDER);
        t.addCell(code);
        UpiLink link = d.upi().link();
        PdfPCell text = new PdfPCell();
        text.setBorder(Rectangle.NO_BORDER);
        text.setVerticalAlignment(Element.ALIGN_MIDDLE);
        text.addElement(new Paragraph("Scan to pay INR " + money(d.upi().amount()) + " by UPI", BOLD));
        text.addElement(new Paragraph("Due on khata. Pays " + link.payeeName() + " (" + link.vpa() + "), reference "
                + link.reference() + ".", BODY));
        t.addCell(text);
        return t;
    }

    /** The e-invoice's IRN, acknowledgement number and date, and the portal's signed QR code as a QR code. */
    private static PdfPTable eInvoice(InvoiceData.EInvoice e) {
        PdfPTable t = new PdfPTable(new float[]{1f, 3f});
        t.setWidthPercentage(100);
        t.setSpacingBefore(6);
        PdfPCell text = new PdfPCell();
        text.setBorder(Rectangle.NO_BORDER);
        text.setVerticalAlignment(Element.ALIGN_MIDDLE);
        text.addElement(new Paragraph("e-Invoice", BOLD));
        text.addElement(new Paragraph("IRN: " + e.irn(), SMALL));
        text.addElement(new Paragraph("Ack No: " + e.ackNo(), BODY));
        text.addElement(new Paragraph("Ack Date: " + (e.ackDate() == null ? "" : ACK.format(e.ackDate())), BODY));
        // the signed payload is long (a JWT): one pixel a module, scaled up without smoothing, as the UPI code
        QrCode.Bitmap bits = QrCode.bitmap(e.signedQrCode());
        Image qr = Image.getInstance(bits.size(), bits.size(), 1, 8, bits.pixels());
        qr.scaleAbsolute(130, 130);
        PdfPCell code = new PdfPCell(qr, false);
        code.setBorder(Rectangle.NO_BORDER);
        t.addCell(code);
        t.addCell(text);
        return t;
    }

    private static PdfPTable parties(InvoiceData d) {
        PdfPTable t = new PdfPTable(2);
        t.setWidthPercentage(100);
        StringBuilder supplier = new StringBuilder();
        if (d.supplierAddress() != null) supplier.append(d.supplierAddress()).append('\n');
        supplier.append("GSTIN: ").append(d.supplierGstin() == null ? "not registered" : d.supplierGstin()).append('\n');
        supplier.append("State: ").append(InvoiceData.stateLabel(d.supplierState()));
        PdfPCell left = new PdfPCell();
        left.addElement(new Paragraph(d.supplierName(), BOLD));
        left.addElement(new Paragraph(supplier.toString(), BODY));
        t.addCell(left);
        StringBuilder meta = new StringBuilder();
        meta.append(d.title()).append(" No: ").append(d.number()).append('\n');
        meta.append("Date: ").append(d.date() == null ? "" : DATE.format(d.date())).append('\n');
        if (d.againstInvoice() != null) {
            meta.append("Against invoice: ").append(d.againstInvoice())
                    .append(d.againstDate() == null ? "" : " dated " + DATE.format(d.againstDate())).append('\n');
        }
        meta.append("Place of supply: ").append(InvoiceData.stateLabel(d.placeOfSupply())).append('\n');
        if (d.chargesTax()) {
            meta.append("Reverse charge: No\n");
        }
        if (d.cashier() != null) {
            meta.append("Cashier: ").append(d.cashier());
        }
        PdfPCell right = new PdfPCell(new Phrase(meta.toString(), BODY));
        t.addCell(right);
        StringBuilder buyer = new StringBuilder("Bill to: ");
        if (d.buyerName() == null && d.buyerPhone() == null && d.buyerGstin() == null) {
            buyer.append("Cash customer");
        } else {
            if (d.buyerName() != null) buyer.append(d.buyerName());
            if (d.buyerPhone() != null) buyer.append("  Ph: ").append(d.buyerPhone());
            if (d.buyerGstin() != null) {
                buyer.append("\nGSTIN: ").append(d.buyerGstin()).append("  State: ")
                        .append(InvoiceData.stateLabel(d.buyerGstin().substring(0, 2)));
            }
        }
        PdfPCell b = new PdfPCell(new Phrase(buyer.toString(), BODY));
        b.setColspan(2);
        t.addCell(b);
        return t;
    }

    private static PdfPTable items(InvoiceData d) {
        boolean intra = d.supply() == SupplyType.INTRA_STATE;
        List<String> heads = new ArrayList<>(List.of("#", "Description", "HSN", "Qty", "Rate", "Disc.", "Taxable"));
        List<Float> widths = new ArrayList<>(List.of(3f, 24f, 8f, 8f, 9f, 8f, 10f));
        if (d.chargesTax()) {
            heads.add("GST %");
            widths.add(6f);
            if (intra) {
                heads.add("CGST");
                heads.add(d.stateTaxName());
                widths.add(8f);
                widths.add(8f);
            } else {
                heads.add("IGST");
                widths.add(9f);
            }
        }
        heads.add("Amount");
        widths.add(11f);
        PdfPTable t = new PdfPTable(heads.size());
        t.setWidthPercentage(100);
        float[] w = new float[widths.size()];
        for (int i = 0; i < w.length; i++) w[i] = widths.get(i);
        t.setWidths(w);
        t.setHeaderRows(1);
        for (String h : heads) {
            PdfPCell c = new PdfPCell(new Phrase(h, SMALL_BOLD));
            c.setBackgroundColor(SHADE);
            t.addCell(c);
        }
        for (InvoiceData.Item i : d.items()) {
            t.addCell(cell(String.valueOf(i.no()), false));
            t.addCell(cell(i.description(), false));
            t.addCell(cell(i.hsn() == null ? "" : i.hsn(), false));
            t.addCell(cell(qty(i.quantity()) + (i.unit() == null ? "" : " " + i.unit()), true));
            t.addCell(cell(i.unitPrice() == null ? "" : money(i.unitPrice()), true));
            t.addCell(cell(i.discount() == null || i.discount().signum() == 0 ? "" : money(i.discount()), true));
            t.addCell(cell(money(i.taxableValue()), true));
            if (d.chargesTax()) {
                t.addCell(cell(i.gstRate().stripTrailingZeros().toPlainString(), true));
                if (intra) {
                    t.addCell(cell(money(i.cgst()), true));
                    t.addCell(cell(money(i.sgst()), true));
                } else {
                    t.addCell(cell(money(i.igst()), true));
                }
            }
            t.addCell(cell(money(i.amount()), true));
        }
        return t;
    }

    private static PdfPTable rateSummary(InvoiceData d) {
        boolean intra = d.supply() == SupplyType.INTRA_STATE;
        String[] heads = intra ? new String[]{"GST rate", "Taxable value", "CGST rate", "CGST", d.stateTaxName() + " rate", d.stateTaxName(), "Total tax"}
                : new String[]{"GST rate", "Taxable value", "IGST rate", "IGST", "Total tax"};
        PdfPTable t = new PdfPTable(heads.length);
        t.setWidthPercentage(80);
        t.setHorizontalAlignment(Element.ALIGN_LEFT);
        for (String h : heads) {
            PdfPCell c = new PdfPCell(new Phrase(h, SMALL_BOLD));
            c.setBackgroundColor(SHADE);
            t.addCell(c);
        }
        for (InvoiceData.RateRow r : d.rates()) {
            t.addCell(cell(r.rate().toPlainString() + "%", true));
            t.addCell(cell(money(r.taxableValue()), true));
            if (intra) {
                String half = r.rate().divide(new BigDecimal("2")).stripTrailingZeros().toPlainString() + "%";
                t.addCell(cell(half, true));
                t.addCell(cell(money(r.cgst()), true));
                t.addCell(cell(half, true));
                t.addCell(cell(money(r.sgst()), true));
            } else {
                t.addCell(cell(r.rate().toPlainString() + "%", true));
                t.addCell(cell(money(r.igst()), true));
            }
            t.addCell(cell(money(r.tax()), true));
        }
        return t;
    }

    private static PdfPTable totals(InvoiceData d) {
        PdfPTable t = new PdfPTable(2);
        t.setWidthPercentage(40);
        t.setHorizontalAlignment(Element.ALIGN_RIGHT);
        row(t, "Taxable value", d.taxableValue(), false);
        if (d.chargesTax()) {
            if (d.supply() == SupplyType.INTRA_STATE) {
                row(t, "CGST", d.cgst(), false);
                row(t, d.stateTaxName(), d.sgst(), false);
            } else {
                row(t, "IGST", d.igst(), false);
            }
        }
        row(t, "Round off", d.roundOff(), false);
        row(t, "Total (INR)", d.total(), true);
        return t;
    }

    private static void row(PdfPTable t, String label, BigDecimal amount, boolean bold) {
        PdfPCell l = new PdfPCell(new Phrase(label, bold ? BOLD : BODY));
        l.setBorder(Rectangle.NO_BORDER);
        t.addCell(l);
        PdfPCell v = new PdfPCell(new Phrase(money(amount), bold ? BOLD : BODY));
        v.setBorder(Rectangle.NO_BORDER);
        v.setHorizontalAlignment(Element.ALIGN_RIGHT);
        t.addCell(v);
    }

    private static PdfPCell cell(String text, boolean right) {
        PdfPCell c = new PdfPCell(new Phrase(text, SMALL));
        if (right) {
            c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        return c;
    }

    static String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static String qty(BigDecimal q) {
        return q.stripTrailingZeros().toPlainString();
    }

    private InvoicePdf() {
    }
}

package dev.kirana.accounting.khata;

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
import dev.kirana.accounting.party.Party;
import dev.kirana.accounting.party.PartyKind;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;

/** A party's statement as a PDF the shop can share: balance brought forward, each line with its running balance, closing balance and ageing. */
public final class StatementPdf {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);

    /** Blocking (CPU-bound): call it off the event loop. */
    public static byte[] render(StatementService.PartyStatementView view) {
        Party party = view.party();
        PartyStatement.Statement s = view.statement();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(doc, out);
        doc.open();
        doc.add(new Paragraph("Statement of account", TITLE));
        StringBuilder who = new StringBuilder(party.name());
        if (party.phone() != null) who.append("  ·  ").append(party.phone());
        if (party.gstin() != null) who.append("  ·  GSTIN ").append(party.gstin());
        doc.add(new Paragraph(who.toString(), BOLD));
        if (party.address() != null) doc.add(new Paragraph(party.address(), BODY));
        doc.add(new Paragraph("From " + DATE.format(s.from()) + " to " + DATE.format(s.to()) + "   (Rs., "
                + (party.kind() == PartyKind.CUSTOMER ? "balance due from the customer" : "balance due to the supplier") + ")", BODY));
        doc.add(new Paragraph(" ", BODY));

        PdfPTable table = new PdfPTable(new float[]{12, 46, 14, 14, 14});
        table.setWidthPercentage(100);
        for (String h : new String[]{"Date", "Particulars", "Debit", "Credit", "Balance"}) {
            table.addCell(cell(h, BOLD, Element.ALIGN_LEFT));
        }
        table.addCell(cell(DATE.format(s.from()), BODY, Element.ALIGN_LEFT));
        table.addCell(cell("Balance brought forward", BOLD, Element.ALIGN_LEFT));
        table.addCell(cell("", BODY, Element.ALIGN_RIGHT));
        table.addCell(cell("", BODY, Element.ALIGN_RIGHT));
        table.addCell(cell(balance(s.openingBalance()), BODY, Element.ALIGN_RIGHT));
        for (PartyStatement.Line l : s.lines()) {
            table.addCell(cell(DATE.format(l.date()), BODY, Element.ALIGN_LEFT));
            table.addCell(cell(l.narration(), BODY, Element.ALIGN_LEFT));
            table.addCell(cell(amount(l.debit()), BODY, Element.ALIGN_RIGHT));
            table.addCell(cell(amount(l.credit()), BODY, Element.ALIGN_RIGHT));
            table.addCell(cell(balance(l.balance()), BODY, Element.ALIGN_RIGHT));
        }
        table.addCell(cell("", BODY, Element.ALIGN_LEFT));
        table.addCell(cell("Closing balance", BOLD, Element.ALIGN_LEFT));
        table.addCell(cell(s.totalDebits().toPlainString(), BOLD, Element.ALIGN_RIGHT));
        table.addCell(cell(s.totalCredits().toPlainString(), BOLD, Element.ALIGN_RIGHT));
        table.addCell(cell(balance(s.closingBalance()), BOLD, Element.ALIGN_RIGHT));
        doc.add(table);

        Ageing.Report a = view.ageing();
        doc.add(new Paragraph(" ", BODY));
        doc.add(new Paragraph("Ageing at " + DATE.format(a.asOf()), BOLD));
        PdfPTable ageing = new PdfPTable(6);
        ageing.setWidthPercentage(100);
        for (String h : new String[]{"0-30 days", "31-60 days", "61-90 days", "Over 90 days", "Total due", "Advance"}) {
            ageing.addCell(cell(h, BOLD, Element.ALIGN_RIGHT));
        }
        for (BigDecimal v : new BigDecimal[]{a.days0To30(), a.days31To60(), a.days61To90(), a.over90Days(), a.totalDue(), a.advance()}) {
            ageing.addCell(cell(v.toPlainString(), BODY, Element.ALIGN_RIGHT));
        }
        doc.add(ageing);
        doc.close();
        return out.toByteArray();
    }

    private static String amount(BigDecimal v) {
        return v.signum() == 0 ? "" : v.toPlainString();
    }

    /** A negative balance is an advance: shown as such, not with a minus sign. */
    private static String balance(BigDecimal v) {
        return v.signum() < 0 ? v.negate().toPlainString() + " advance" : v.toPlainString();
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setHorizontalAlignment(align);
        c.setPadding(3);
        return c;
    }

    private StatementPdf() {
    }
}

package dev.kirana.auth.staff;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
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
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A payslip: what the month's pay was made of, line by line, as {@link Payroll} computed it (OpenPDF, A5). */
public final class Payslip {
    private Payslip() {
    }

    public static byte[] pdf(String shopName, SalaryRun run, SalaryRun.Line l) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A5, 36, 36, 36, 36);
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 9);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("Payslip " + run.month() + " " + l.name());
            doc.open();
            String month = YearMonth.parse(run.month()).format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
            doc.add(new Paragraph(shopName == null ? "Payslip" : shopName, title));
            doc.add(new Paragraph("Payslip for " + month, bold));
            doc.add(new Paragraph(l.name() + " - paid by " + l.payBasis().name().toLowerCase(Locale.ROOT) + " at Rs. "
                    + l.rate().toPlainString() + (l.payBasis() == PayBasis.MONTHLY ? " a month" : l.payBasis() == PayBasis.DAILY ? " a day" : " an hour"), body));
            doc.add(new Paragraph("Paid on " + run.paidOn() + " from " + run.paidFrom().toLowerCase(Locale.ROOT), body));
            doc.add(new Paragraph(" ", body));
            PdfPTable t = new PdfPTable(2);
            t.setWidthPercentage(100);
            row(t, "Payable days", l.payableDays().toPlainString(), body);
            row(t, "Days worked", l.daysWorked().toPlainString(), body);
            row(t, "Hours worked", l.hoursWorked().toPlainString(), body);
            row(t, "Overtime hours", l.overtimeHours().toPlainString(), body);
            row(t, "Basic pay", money(l.base()), body);
            row(t, "Overtime", money(l.overtime()), body);
            row(t, "Bonus", money(l.bonus()), body);
            row(t, "Deductions", "-" + money(l.deductions()), body);
            row(t, "Gross pay", money(l.gross()), bold);
            row(t, "Advances recovered", "-" + money(l.advances()), body);
            row(t, "Net pay", money(l.net()), bold);
            doc.add(t);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot write the payslip", e);
        }
        return out.toByteArray();
    }

    private static String money(BigDecimal v) {
        return "Rs. " + v.toPlainString();
    }

    private static void row(PdfPTable t, String label, String value, Font font) {
        PdfPCell a = new PdfPCell(new Phrase(label, font));
        PdfPCell b = new PdfPCell(new Phrase(value, font));
        b.setHorizontalAlignment(Element.ALIGN_RIGHT);
        t.addCell(a);
        t.addCell(b);
    }
}

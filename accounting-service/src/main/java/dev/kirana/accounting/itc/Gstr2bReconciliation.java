package dev.kirana.accounting.itc;

import dev.kirana.export.Column;
import dev.kirana.export.ReportTable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A period's GSTR-2B matched with the books: one line per document or pair, the counts, and the input tax credit per head. */
@Schema(example = """
        {"period":"2026-11","gstin":"27AAPFU0939F1ZV","importId":"3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b","generatedOn":"2026-12-14",
         "tolerance":"1.00","counts":{"MATCHED":1,"MISMATCHED":0,"PROBABLE":0,"IN_BOOKS_ONLY":0,"IN_2B_ONLY":0},
         "lines":[{"status":"MATCHED","documentType":"INVOICE","supplierGstin":"27AABCS1429B1ZU","supplierName":"Sharma Traders",
                   "books":{"id":"9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","number":"ST/0412","date":"2026-11-03","taxableValue":"1000.00",
                            "igst":"0.00","cgst":"25.00","sgst":"25.00","cess":"0.00"},
                   "twoB":{"number":"ST-0412","date":"2026-11-03","value":"1050.00","taxableValue":"1000.00","igst":"0.00",
                           "cgst":"25.00","sgst":"25.00","cess":"0.00","itcAvailable":"Y","reverseCharge":false,
                           "placeOfSupply":"27","supplierPeriod":"112026","supplierFiled":"2026-12-11"},
                   "differences":[]}],
         "itc":{"available":{"taxableValue":"1000.00","igst":"0.00","cgst":"25.00","sgst":"25.00","cess":"0.00"},
                "reverseCharge":{"taxableValue":"0.00","igst":"0.00","cgst":"0.00","sgst":"0.00","cess":"0.00"},
                "notAvailable":{"taxableValue":"0.00","igst":"0.00","cgst":"0.00","sgst":"0.00","cess":"0.00"},
                "books":{"taxableValue":"1000.00","igst":"0.00","cgst":"25.00","sgst":"25.00","cess":"0.00"},
                "difference":{"taxableValue":"0.00","igst":"0.00","cgst":"0.00","sgst":"0.00","cess":"0.00"}}}""")
public record Gstr2bReconciliation(String period, String gstin, UUID importId, LocalDate generatedOn, BigDecimal tolerance,
                                   Map<ItcMatcher.Status, Integer> counts, List<ReconciledDocument> lines, ItcMatcher.ItcSummary itc) {

    /** A pair, or a document on one side only ({@code books} or {@code twoB} null). */
    public record ReconciledDocument(ItcMatcher.Status status, DocumentType documentType, String supplierGstin, String supplierName, BookSide books,
                       TwoBSide twoB, List<ItcMatcher.MatchDifference> differences) {
    }

    /** The books' document: a purchase bill (INVOICE) or a purchase return under the shop's debit note (CREDIT_NOTE). */
    public record BookSide(UUID id, String number, LocalDate date, BigDecimal taxableValue, BigDecimal igst, BigDecimal cgst, BigDecimal sgst,
                        BigDecimal cess) {
    }

    /** The supplier's document as GSTR-2B shows it. */
    public record TwoBSide(String number, LocalDate date, BigDecimal value, BigDecimal taxableValue, BigDecimal igst, BigDecimal cgst,
                       BigDecimal sgst, BigDecimal cess, String itcAvailable, String reason, boolean reverseCharge, String placeOfSupply,
                       String supplierPeriod, LocalDate supplierFiled) {
    }

    static Gstr2bReconciliation of(YearMonth period, Gstr2bImports.Stored imported, BigDecimal tolerance, List<ItcMatcher.Match> matches,
                                   ItcMatcher.ItcSummary itc) {
        List<ReconciledDocument> lines = matches.stream().map(m -> new ReconciledDocument(m.status(), m.type(), m.supplierGstin(),
                m.twoB() != null && m.twoB().supplierName() != null ? m.twoB().supplierName() : m.books() != null ? m.books().supplierName() : null,
                m.books() == null ? null : new BookSide(m.books().id(), m.books().number(), m.books().date(), m.books().tax().taxableValue(),
                        m.books().tax().igst(), m.books().tax().cgst(), m.books().tax().sgst(), m.books().tax().cess()),
                m.twoB() == null ? null : twoB(m.twoB()), m.differences())).toList();
        return new Gstr2bReconciliation(period.toString(), imported.gstin(), imported.id(), imported.generatedOn(), tolerance.setScale(2),
                ItcMatcher.counts(matches), lines, itc);
    }

    private static TwoBSide twoB(Gstr2b.Document d) {
        return new TwoBSide(d.number(), d.date(), d.value().setScale(2), d.tax().taxableValue(), d.tax().igst(), d.tax().cgst(), d.tax().sgst(),
                d.tax().cess(), d.itcAvailable(), d.reason(), d.reverseCharge(), d.placeOfSupply(), d.supplierPeriod(), d.supplierFiled());
    }

    /** The lines as one spreadsheet table (books and GSTR-2B side by side), the ITC summary below them as rows of their own. */
    public ReportTable table() {
        List<Column> columns = List.of(Column.text("Status"), Column.text("Document"), Column.text("Supplier GSTIN"), Column.text("Supplier"),
                Column.text("Number (books)"), Column.date("Date (books)"), Column.money("Taxable (books)"), Column.money("IGST (books)"),
                Column.money("CGST (books)"), Column.money("SGST (books)"), Column.text("Number (2B)"), Column.date("Date (2B)"),
                Column.money("Taxable (2B)"), Column.money("IGST (2B)"), Column.money("CGST (2B)"), Column.money("SGST (2B)"),
                Column.money("Cess (2B)"), Column.text("ITC available"), Column.text("Differences"));
        List<List<Object>> rows = new ArrayList<>();
        for (ReconciledDocument l : lines) {
            List<Object> row = new ArrayList<>();
            row.add(l.status().name());
            row.add(l.documentType().name());
            row.add(l.supplierGstin());
            row.add(l.supplierName());
            BookSide b = l.books();
            row.add(b == null ? null : b.number());
            row.add(b == null ? null : b.date());
            row.add(b == null ? null : b.taxableValue());
            row.add(b == null ? null : b.igst());
            row.add(b == null ? null : b.cgst());
            row.add(b == null ? null : b.sgst());
            TwoBSide t = l.twoB();
            row.add(t == null ? null : t.number());
            row.add(t == null ? null : t.date());
            row.add(t == null ? null : t.taxableValue());
            row.add(t == null ? null : t.igst());
            row.add(t == null ? null : t.cgst());
            row.add(t == null ? null : t.sgst());
            row.add(t == null ? null : t.cess());
            row.add(t == null ? null : t.itcAvailable());
            row.add(l.differences().stream().map(d -> d.field() + ": " + d.books() + " / " + d.twoB()).collect(Collectors.joining("; ")));
            rows.add(row);
        }
        summaryRow(rows, "ITC available in 2B", itc.available());
        summaryRow(rows, "ITC on reverse charge in 2B", itc.reverseCharge());
        summaryRow(rows, "ITC not available in 2B", itc.notAvailable());
        summaryRow(rows, "ITC in the books", itc.books());
        summaryRow(rows, "BookSide less 2B available", itc.difference());
        return new ReportTable("GSTR-2B reconciliation " + period, "GSTIN " + gstin + ", tolerance Rs. " + tolerance.toPlainString(),
                columns, rows);
    }

    private static void summaryRow(List<List<Object>> rows, String label, ItcAmounts t) {
        List<Object> row = new ArrayList<>(java.util.Collections.nCopies(19, null));
        row.set(0, label);
        row.set(12, t.taxableValue());
        row.set(13, t.igst());
        row.set(14, t.cgst());
        row.set(15, t.sgst());
        row.set(16, t.cess());
        rows.add(row);
    }
}

package dev.kirana.accounting.gstreturn;

import dev.kirana.export.Column;
import dev.kirana.export.Exporter;
import dev.kirana.export.ReportTable;
import dev.kirana.india.StateCodes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * GSTR-1 as an XLSX workbook for the accountant, one sheet per section named and laid out as the GST network's Excel
 * template for the offline tool names them (b2b, b2ba, b2cl, b2cla, b2cs, cdnr, cdnur, exemp, hsn(b2b), hsn(b2c),
 * docs), one row per item (rate) of a document. Read from the offline-tool JSON, so a filed return's workbook is the
 * return as filed. Blocking: call it off the event loop.
 */
public final class Gstr1Workbook {
    public static final List<String> SHEETS = List.of("b2b", "b2ba", "b2cl", "b2cla", "b2cs", "cdnr", "cdnur", "exemp", "hsn(b2b)",
            "hsn(b2c)", "docs");

    public static byte[] render(JsonNode r, String shopLabel) {
        String sub = "GSTIN " + text(r, "gstin") + ", return period " + text(r, "fp") + (shopLabel == null ? "" : ", " + shopLabel);
        List<ReportTable> sheets = new ArrayList<>();

        List<List<Object>> b2b = new ArrayList<>();
        for (JsonNode g : r.path("b2b")) for (JsonNode inv : g.path("inv")) for (JsonNode it : inv.path("itms")) {
            JsonNode d = it.path("itm_det");
            b2b.add(row(text(g, "ctin"), text(inv, "inum"), date(inv, "idt"), money(inv, "val"), pos(inv), text(inv, "rchrg"), text(inv, "inv_typ"),
                    money(d, "rt"), money(d, "txval"), money(d, "iamt"), money(d, "camt"), money(d, "samt"), money(d, "csamt")));
        }
        sheets.add(table("b2b", sub, List.of(Column.text("GSTIN/UIN of Recipient"), Column.text("Invoice Number"), Column.date("Invoice date"),
                Column.money("Invoice Value"), Column.text("Place Of Supply"), Column.text("Reverse Charge"), Column.text("Invoice Type"),
                Column.percent("Rate"), Column.money("Taxable Value"), Column.money("Integrated Tax"), Column.money("Central Tax"),
                Column.money("State/UT Tax"), Column.money("Cess Amount")), b2b));

        List<List<Object>> b2ba = new ArrayList<>();
        for (JsonNode g : r.path("b2ba")) for (JsonNode inv : g.path("inv")) for (JsonNode it : inv.path("itms")) {
            JsonNode d = it.path("itm_det");
            b2ba.add(row(text(g, "ctin"), text(inv, "oinum"), date(inv, "oidt"), text(inv, "inum"), date(inv, "idt"), money(inv, "val"), pos(inv),
                    money(d, "rt"), money(d, "txval"), money(d, "iamt"), money(d, "camt"), money(d, "samt"), money(d, "csamt")));
        }
        sheets.add(table("b2ba", sub, List.of(Column.text("GSTIN/UIN of Recipient"), Column.text("Original Invoice Number"),
                Column.date("Original Invoice date"), Column.text("Revised Invoice Number"), Column.date("Revised Invoice date"),
                Column.money("Invoice Value"), Column.text("Place Of Supply"), Column.percent("Rate"), Column.money("Taxable Value"),
                Column.money("Integrated Tax"), Column.money("Central Tax"), Column.money("State/UT Tax"), Column.money("Cess Amount")), b2ba));

        for (String section : List.of("b2cl", "b2cla")) {
            boolean amended = section.endsWith("a");
            List<List<Object>> rows = new ArrayList<>();
            for (JsonNode g : r.path(section)) for (JsonNode inv : g.path("inv")) for (JsonNode it : inv.path("itms")) {
                JsonNode d = it.path("itm_det");
                List<Object> row = new ArrayList<>();
                if (amended) row.addAll(List.of(text(inv, "oinum"), date(inv, "oidt")));
                row.addAll(row(text(inv, "inum"), date(inv, "idt"), money(inv, "val"), pos(g), money(d, "rt"), money(d, "txval"),
                        money(d, "iamt"), money(d, "csamt")));
                rows.add(row);
            }
            List<Column> cols = new ArrayList<>();
            if (amended) cols.addAll(List.of(Column.text("Original Invoice Number"), Column.date("Original Invoice date")));
            cols.addAll(List.of(Column.text(amended ? "Revised Invoice Number" : "Invoice Number"), Column.date(amended ? "Revised Invoice date" : "Invoice date"),
                    Column.money("Invoice Value"), Column.text("Place Of Supply"), Column.percent("Rate"), Column.money("Taxable Value"),
                    Column.money("Integrated Tax"), Column.money("Cess Amount")));
            sheets.add(table(section, sub, cols, rows));
        }

        List<List<Object>> b2cs = new ArrayList<>();
        for (JsonNode s : r.path("b2cs")) {
            b2cs.add(row(text(s, "typ"), text(s, "sply_ty"), pos(s), money(s, "rt"), money(s, "txval"), money(s, "iamt"), money(s, "camt"),
                    money(s, "samt"), money(s, "csamt")));
        }
        sheets.add(table("b2cs", sub, List.of(Column.text("Type"), Column.text("Supply Type"), Column.text("Place Of Supply"), Column.percent("Rate"),
                Column.money("Taxable Value"), Column.money("Integrated Tax"), Column.money("Central Tax"), Column.money("State/UT Tax"),
                Column.money("Cess Amount")), b2cs));

        List<List<Object>> cdnr = new ArrayList<>();
        for (JsonNode g : r.path("cdnr")) for (JsonNode nt : g.path("nt")) for (JsonNode it : nt.path("itms")) {
            JsonNode d = it.path("itm_det");
            cdnr.add(row(text(g, "ctin"), text(nt, "nt_num"), date(nt, "nt_dt"), text(nt, "ntty"), pos(nt), text(nt, "rchrg"), money(nt, "val"),
                    money(d, "rt"), money(d, "txval"), money(d, "iamt"), money(d, "camt"), money(d, "samt"), money(d, "csamt")));
        }
        sheets.add(table("cdnr", sub, List.of(Column.text("GSTIN/UIN of Recipient"), Column.text("Note Number"), Column.date("Note Date"),
                Column.text("Note Type"), Column.text("Place Of Supply"), Column.text("Reverse Charge"), Column.money("Note Value"),
                Column.percent("Rate"), Column.money("Taxable Value"), Column.money("Integrated Tax"), Column.money("Central Tax"),
                Column.money("State/UT Tax"), Column.money("Cess Amount")), cdnr));

        List<List<Object>> cdnur = new ArrayList<>();
        for (JsonNode nt : r.path("cdnur")) for (JsonNode it : nt.path("itms")) {
            JsonNode d = it.path("itm_det");
            cdnur.add(row(text(nt, "typ"), text(nt, "nt_num"), date(nt, "nt_dt"), text(nt, "ntty"), pos(nt), money(nt, "val"), money(d, "rt"),
                    money(d, "txval"), money(d, "iamt"), money(d, "csamt")));
        }
        sheets.add(table("cdnur", sub, List.of(Column.text("UR Type"), Column.text("Note Number"), Column.date("Note Date"), Column.text("Note Type"),
                Column.text("Place Of Supply"), Column.money("Note Value"), Column.percent("Rate"), Column.money("Taxable Value"),
                Column.money("Integrated Tax"), Column.money("Cess Amount")), cdnur));

        List<List<Object>> exemp = new ArrayList<>();
        for (String[] type : new String[][]{{"INTRB2B", "Inter-State supplies to registered persons"}, {"INTRAB2B", "Intra-State supplies to registered persons"},
                {"INTRB2C", "Inter-State supplies to unregistered persons"}, {"INTRAB2C", "Intra-State supplies to unregistered persons"}}) {
            JsonNode found = null;
            for (JsonNode n : r.path("nil").path("inv")) if (type[0].equals(text(n, "sply_ty"))) found = n;
            exemp.add(row(type[1], found == null ? BigDecimal.ZERO : money(found, "nil_amt"), found == null ? BigDecimal.ZERO : money(found, "expt_amt"),
                    found == null ? BigDecimal.ZERO : money(found, "ngsup_amt")));
        }
        sheets.add(table("exemp", sub, List.of(Column.text("Description"), Column.money("Nil Rated Supplies"),
                Column.money("Exempted (other than nil rated/non GST supply)"), Column.money("Non-GST Supplies")), exemp));

        for (String part : List.of("b2b", "b2c")) {
            List<List<Object>> rows = new ArrayList<>();
            for (JsonNode h : r.path("hsn").path("hsn_" + part)) {
                rows.add(row(text(h, "hsn_sc"), text(h, "desc"), text(h, "uqc"), money(h, "qty"), money(h, "rt"), money(h, "txval"),
                        money(h, "iamt"), money(h, "camt"), money(h, "samt"), money(h, "csamt")));
            }
            sheets.add(table("hsn(" + part + ")", sub, List.of(Column.text("HSN"), Column.text("Description"), Column.text("UQC"),
                    Column.quantity("Total Quantity"), Column.percent("Rate"), Column.money("Taxable Value"), Column.money("Integrated Tax Amount"),
                    Column.money("Central Tax Amount"), Column.money("State/UT Tax Amount"), Column.money("Cess Amount")), rows));
        }

        List<List<Object>> docs = new ArrayList<>();
        for (JsonNode det : r.path("doc_issue").path("doc_det")) for (JsonNode d : det.path("docs")) {
            docs.add(row(text(det, "doc_typ"), text(d, "from"), text(d, "to"), d.path("totnum").asLong(), d.path("cancel").asLong()));
        }
        sheets.add(table("docs", sub, List.of(Column.text("Nature of Document"), Column.text("Sr. No. From"), Column.text("Sr. No. To"),
                Column.integer("Total Number"), Column.integer("Cancelled")), docs));
        return Exporter.workbook(sheets);
    }

    private static ReportTable table(String name, String sub, List<Column> columns, List<List<Object>> rows) {
        return new ReportTable(name, sub, columns, rows);
    }

    private static List<Object> row(Object... cells) {
        return new ArrayList<>(java.util.Arrays.asList(cells));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static BigDecimal money(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isNumber() ? null : v.decimalValue();
    }

    private static LocalDate date(JsonNode n, String field) {
        String s = text(n, field);
        return s == null ? null : LocalDate.parse(s, Gstr1Builder.DATE);
    }

    /** "27-Maharashtra", as the template writes a place of supply. */
    private static String pos(JsonNode n) {
        String code = text(n, "pos");
        return code == null ? null : code + "-" + StateCodes.name(code);
    }

    private Gstr1Workbook() {
    }
}

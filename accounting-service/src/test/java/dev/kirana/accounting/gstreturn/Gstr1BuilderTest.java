package dev.kirana.accounting.gstreturn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.accounting.gstreturn.OutwardDocument.Kind;
import dev.kirana.accounting.gstreturn.OutwardDocument.Line;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A month of a Maharashtra shop (27AAPFU0939F1ZV), November 2026, worked by hand: two B2B invoices (one to Karnataka),
 * a B2CL invoice to Gujarat, B2C sales within the state and to Karnataka at 5 % and 18 % with a nil-rated line, a void,
 * and two credit notes.
 */
class Gstr1BuilderTest {
    static final String SHOP = "27AAPFU0939F1ZV";
    static final String RAO_MUMBAI = "27AAACR5055K1Z7";      // registered buyer in Maharashtra
    static final String TEJAS_BENGALURU = "29AABCT1332L1ZA"; // registered buyer in Karnataka
    static final ReturnPeriod NOVEMBER = ReturnPeriod.parse("2026-11").orElseThrow();

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static Line line(int no, String hsn, String unit, String qty, String rate, String taxable, String cgst, String sgst, String igst) {
        return new Line(no, hsn, "item " + hsn, unit, d(qty), d(rate), d(taxable), d(cgst), d(sgst), d(igst));
    }

    static OutwardDocument invoice(String order, String no, String date, String gstin, String pos, boolean inter, String value, Line... lines) {
        LocalDate dt = LocalDate.parse(date);
        return new OutwardDocument(Kind.INVOICE, order, no, dt, "TAX_INVOICE", null, null, null, gstin, pos, inter, d(value), List.of(lines),
                YearMonth.from(dt));
    }

    static OutwardDocument note(Kind kind, OutwardDocument inv, String no, String date, String value, Line... lines) {
        LocalDate dt = LocalDate.parse(date);
        return new OutwardDocument(kind, inv.orderId(), no, dt, "TAX_INVOICE", inv.number(), inv.date(), inv.value(), inv.buyerGstin(),
                inv.placeOfSupply(), inv.interState(), d(value), List.of(lines), YearMonth.from(dt));
    }

    // 1: 100 kg rice at 5 % within Maharashtra: 10,000.00 + CGST 250.00 + SGST 250.00 = 10,500.00
    static final OutwardDocument INV1 = invoice("o1", "INV/2627/00101", "2026-11-03", RAO_MUMBAI, "27", false, "10500.00",
            line(1, "10063020", "KG", "100", "5", "10000.00", "250.00", "250.00", "0.00"));
    // 2: to Karnataka, IGST: 200 biscuits 5,000.00 + 900.00 (18 %), 50 kg rice 4,000.00 + 200.00 (5 %) = 10,100.00
    static final OutwardDocument INV2 = invoice("o2", "INV/2627/00102", "2026-11-05", TEJAS_BENGALURU, "29", true, "10100.00",
            line(1, "19053100", "PCS", "200", "18", "5000.00", "0.00", "0.00", "900.00"),
            line(2, "10063020", "KG", "50", "5", "4000.00", "0.00", "0.00", "200.00"));
    // 3: unregistered buyer in Gujarat, 500 kg tea 1,20,000.00 + IGST 6,000.00 = 1,26,000.00 > 1,00,000: B2CL
    static final OutwardDocument INV3 = invoice("o3", "INV/2627/00103", "2026-11-08", null, "24", true, "126000.00",
            line(1, "0902", "KG", "500", "5", "120000.00", "0.00", "0.00", "6000.00"));
    // 4: over the counter: 20 kg rice 1,000.00 + 25 + 25; 40 biscuits 800.00 + 72 + 72; 10 l milk 600.00 nil-rated = 2,594.00
    static final OutwardDocument INV4 = invoice("o4", "INV/2627/00104", "2026-11-10", null, "27", false, "2594.00",
            line(1, "1006", "KG", "20", "5", "1000.00", "25.00", "25.00", "0.00"),
            line(2, "1905", "PCS", "40", "18", "800.00", "72.00", "72.00", "0.00"),
            line(3, "0401", "L", "10", "0", "600.00", "0.00", "0.00", "0.00"));
    // 5: a small sale to a Karnataka consumer: 30 biscuits 2,000.00 + 360.00; 10 kg rice 500.00 + 25.00 = 2,885.00
    static final OutwardDocument INV5 = invoice("o5", "INV/2627/00105", "2026-11-12", null, "29", true, "2885.00",
            line(1, "1905", "PCS", "30", "18", "2000.00", "0.00", "0.00", "360.00"),
            line(2, "1006", "KG", "10", "5", "500.00", "0.00", "0.00", "25.00"));
    // 6: 10 biscuits 300.00 + 27 + 27 = 354.00, voided the next day
    static final OutwardDocument INV6 = invoice("o6", "INV/2627/00106", "2026-11-15", null, "27", false, "354.00",
            line(1, "1905", "PCS", "10", "18", "300.00", "27.00", "27.00", "0.00"));
    static final OutwardDocument VOID6 = note(Kind.CANCELLATION, INV6, "INV/2627/00106", "2026-11-16", "354.00", INV6.lines().get(0));
    // credit note 1: 20 biscuits of invoice 2 back: 500.00 + IGST 90.00 = 590.00
    static final OutwardDocument CN1 = note(Kind.CREDIT_NOTE, INV2, "CN/2627/00001", "2026-11-20", "590.00",
            line(1, "19053100", "PCS", "20", "18", "500.00", "0.00", "0.00", "90.00"));
    // credit note 2: 10 biscuits of invoice 4 back: 200.00 + 18 + 18 = 236.00
    static final OutwardDocument CN2 = note(Kind.CREDIT_NOTE, INV4, "CN/2627/00002", "2026-11-22", "236.00",
            line(2, "1905", "PCS", "10", "18", "200.00", "18.00", "18.00", "0.00"));

    static final List<OutwardDocument> MONTH = List.of(INV1, INV2, INV3, INV4, INV5, INV6, VOID6, CN1, CN2);

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asString())) return n;
        }
        throw new AssertionError("no " + field + " = " + value + " in " + array);
    }

    static JsonNode b2cs(JsonNode r, String type, String pos, String rate) {
        for (JsonNode n : r.path("b2cs")) {
            if (n.path("sply_ty").asString().equals(type) && n.path("pos").asString().equals(pos)
                    && n.path("rt").decimalValue().compareTo(d(rate)) == 0) return n;
        }
        throw new AssertionError("no b2cs row " + type + " " + pos + " " + rate);
    }

    static JsonNode hsn(JsonNode rows, String code, String rate) {
        for (JsonNode n : rows) {
            if (n.path("hsn_sc").asString().equals(code) && n.path("rt").decimalValue().compareTo(d(rate)) == 0) return n;
        }
        throw new AssertionError("no HSN row " + code + " at " + rate + " in " + rows);
    }

    static void money(JsonNode n, String field, String expected) {
        assertThat(n.path(field).isNumber()).as(field + " is a JSON number in " + n).isTrue();
        assertThat(n.path(field).decimalValue()).as(field + " of " + n).isEqualByComparingTo(expected);
    }

    @Test
    void theMonthsSectionsAreTheFiguresWorkedByHandAndTheJsonMeetsTheFormat() {
        ObjectNode r = Gstr1Builder.build(SHOP, NOVEMBER, 4, MONTH);
        assertThat(Gstr1Schema.violations(r)).isEmpty();
        assertThat(r.path("gstin").asString()).isEqualTo(SHOP);
        assertThat(r.path("fp").asString()).isEqualTo("112026");

        // B2B: one invoice per buyer
        assertThat(r.path("b2b")).hasSize(2);
        JsonNode rao = find(r.path("b2b"), "ctin", RAO_MUMBAI).path("inv").get(0);
        assertThat(rao.path("inum").asString()).isEqualTo("INV/2627/00101");
        assertThat(rao.path("idt").asString()).isEqualTo("03-11-2026");
        assertThat(rao.path("pos").asString()).isEqualTo("27");
        assertThat(rao.path("rchrg").asString()).isEqualTo("N");
        assertThat(rao.path("inv_typ").asString()).isEqualTo("R");
        money(rao, "val", "10500.00");
        JsonNode raoItem = rao.path("itms").get(0).path("itm_det");
        money(raoItem, "txval", "10000.00");
        money(raoItem, "camt", "250.00");
        money(raoItem, "samt", "250.00");
        assertThat(raoItem.has("iamt")).isFalse();
        JsonNode tejas = find(r.path("b2b"), "ctin", TEJAS_BENGALURU).path("inv").get(0);
        money(tejas, "val", "10100.00");
        assertThat(tejas.path("pos").asString()).isEqualTo("29");
        assertThat(tejas.path("itms")).hasSize(2);   // 5 % then 18 %
        JsonNode at5 = tejas.path("itms").get(0).path("itm_det");
        money(at5, "rt", "5");
        money(at5, "txval", "4000.00");
        money(at5, "iamt", "200.00");
        JsonNode at18 = tejas.path("itms").get(1).path("itm_det");
        money(at18, "txval", "5000.00");
        money(at18, "iamt", "900.00");

        // B2CL: the Gujarat invoice of 1,26,000.00
        assertThat(r.path("b2cl")).hasSize(1);
        JsonNode gujarat = find(r.path("b2cl"), "pos", "24").path("inv").get(0);
        assertThat(gujarat.path("inum").asString()).isEqualTo("INV/2627/00103");
        money(gujarat, "val", "126000.00");
        money(gujarat.path("itms").get(0).path("itm_det"), "txval", "120000.00");
        money(gujarat.path("itms").get(0).path("itm_det"), "iamt", "6000.00");

        // B2CS: invoice 4 less credit note 2 within the state, invoice 5 to Karnataka; invoice 6 was voided
        assertThat(r.path("b2cs")).hasSize(4);
        JsonNode intra5 = b2cs(r, "INTRA", "27", "5");
        money(intra5, "txval", "1000.00");
        money(intra5, "camt", "25.00");
        money(intra5, "samt", "25.00");
        JsonNode intra18 = b2cs(r, "INTRA", "27", "18");
        money(intra18, "txval", "600.00");   // 800.00 - 200.00 (credit note 2); the voided 300.00 not at all
        money(intra18, "camt", "54.00");     // 72.00 - 18.00
        money(intra18, "samt", "54.00");
        assertThat(intra18.path("typ").asString()).isEqualTo("OE");
        JsonNode inter18 = b2cs(r, "INTER", "29", "18");
        money(inter18, "txval", "2000.00");
        money(inter18, "iamt", "360.00");
        JsonNode inter5 = b2cs(r, "INTER", "29", "5");
        money(inter5, "txval", "500.00");
        money(inter5, "iamt", "25.00");

        // credit notes: the registered one in cdnr; the one to a walk-in customer is in B2CS, not cdnur
        JsonNode cn = find(r.path("cdnr"), "ctin", TEJAS_BENGALURU).path("nt").get(0);
        assertThat(cn.path("ntty").asString()).isEqualTo("C");
        assertThat(cn.path("nt_num").asString()).isEqualTo("CN/2627/00001");
        assertThat(cn.path("nt_dt").asString()).isEqualTo("20-11-2026");
        money(cn, "val", "590.00");
        money(cn.path("itms").get(0).path("itm_det"), "txval", "500.00");
        money(cn.path("itms").get(0).path("itm_det"), "iamt", "90.00");
        assertThat(r.has("cdnur")).isFalse();

        // nil-rated: 10 l milk, 600.00, within the state to an unregistered buyer
        JsonNode nil = r.path("nil").path("inv");
        assertThat(nil).hasSize(1);
        assertThat(nil.get(0).path("sply_ty").asString()).isEqualTo("INTRAB2C");
        money(nil.get(0), "nil_amt", "600.00");
        money(nil.get(0), "expt_amt", "0");

        // HSN, 4 digits (turnover up to 5 crore): B2B 1006 = 100 + 50 kg, 10,000.00 + 4,000.00; 1905 = 200 - 20, 5,000.00 - 500.00
        JsonNode hsnB2b = r.path("hsn").path("hsn_b2b");
        assertThat(hsnB2b).hasSize(2);
        JsonNode rice = hsn(hsnB2b, "1006", "5");
        assertThat(rice.path("uqc").asString()).isEqualTo("KGS");
        money(rice, "qty", "150");
        money(rice, "txval", "14000.00");
        money(rice, "iamt", "200.00");
        money(rice, "camt", "250.00");
        money(rice, "samt", "250.00");
        JsonNode biscuits = hsn(hsnB2b, "1905", "18");
        money(biscuits, "qty", "180");
        money(biscuits, "txval", "4500.00");
        money(biscuits, "iamt", "810.00");   // 900.00 - 90.00
        // B2C: 1905 = 40 + 30 - 10 biscuits, 800.00 + 2,000.00 - 200.00 = 2,600.00, IGST 360.00, CGST and SGST 72.00 - 18.00
        JsonNode hsnB2c = r.path("hsn").path("hsn_b2c");
        assertThat(hsnB2c).hasSize(4);
        JsonNode b2cBiscuits = hsn(hsnB2c, "1905", "18");
        money(b2cBiscuits, "qty", "60");
        money(b2cBiscuits, "txval", "2600.00");
        money(b2cBiscuits, "iamt", "360.00");
        money(b2cBiscuits, "camt", "54.00");
        JsonNode b2cRice = hsn(hsnB2c, "1006", "5");   // 20 + 10 kg, 1,000.00 + 500.00
        money(b2cRice, "qty", "30");
        money(b2cRice, "txval", "1500.00");
        money(b2cRice, "iamt", "25.00");
        money(b2cRice, "camt", "25.00");
        money(hsn(hsnB2c, "0902", "5"), "txval", "120000.00");
        JsonNode milk = hsn(hsnB2c, "0401", "0");
        assertThat(milk.path("uqc").asString()).isEqualTo("LTR");
        money(milk, "txval", "600.00");

        // documents issued: invoices 101 to 106, one cancelled; credit notes 1 and 2
        JsonNode invoices = find(r.path("doc_issue").path("doc_det"), "doc_typ", "Invoices for outward supply");
        assertThat(invoices.path("doc_num").asInt()).isEqualTo(1);
        JsonNode series = invoices.path("docs").get(0);
        assertThat(series.path("from").asString()).isEqualTo("INV/2627/00101");
        assertThat(series.path("to").asString()).isEqualTo("INV/2627/00106");
        assertThat(series.path("totnum").asInt()).isEqualTo(6);
        assertThat(series.path("cancel").asInt()).isEqualTo(1);
        assertThat(series.path("net_issue").asInt()).isEqualTo(5);
        JsonNode notes = find(r.path("doc_issue").path("doc_det"), "doc_typ", "Credit Note").path("docs").get(0);
        assertThat(notes.path("from").asString()).isEqualTo("CN/2627/00001");
        assertThat(notes.path("to").asString()).isEqualTo("CN/2627/00002");
        assertThat(notes.path("totnum").asInt()).isEqualTo(2);
        assertThat(notes.path("cancel").asInt()).isEqualTo(0);
    }

    @Test
    void sixDigitHsnKeepsTheLongerCodesApart() {
        ObjectNode r = Gstr1Builder.build(SHOP, NOVEMBER, 6, MONTH);
        JsonNode hsnB2b = r.path("hsn").path("hsn_b2b");
        money(hsn(hsnB2b, "100630", "5"), "txval", "14000.00");
        money(hsn(hsnB2b, "190531", "18"), "txval", "4500.00");
        assertThat(Gstr1Schema.violations(r)).isEmpty();
    }

    @Test
    void theB2clThresholdIsTheOneInForceOnTheInvoiceDate() {
        // 1,50,000.00 + 7,500.00 to Gujarat: above 1 lakh from 1-8-2024, not above 2.5 lakh before
        OutwardDocument july = invoice("a", "INV/2425/00001", "2024-07-31", null, "24", true, "157500.00",
                line(1, "0902", "KG", "600", "5", "150000.00", "0.00", "0.00", "7500.00"));
        OutwardDocument august = invoice("b", "INV/2425/00002", "2024-08-01", null, "24", true, "157500.00",
                line(1, "0902", "KG", "600", "5", "150000.00", "0.00", "0.00", "7500.00"));
        ObjectNode julyReturn = Gstr1Builder.build(SHOP, ReturnPeriod.parse("2024-07").orElseThrow(), 4, List.of(july));
        assertThat(julyReturn.has("b2cl")).isFalse();
        money(b2cs(julyReturn, "INTER", "24", "5"), "txval", "150000.00");
        ObjectNode augustReturn = Gstr1Builder.build(SHOP, ReturnPeriod.parse("2024-08").orElseThrow(), 4, List.of(august));
        assertThat(augustReturn.has("b2cs")).isFalse();
        assertThat(find(augustReturn.path("b2cl"), "pos", "24").path("inv").get(0).path("inum").asString()).isEqualTo("INV/2425/00002");
        assertThat(B2clThreshold.on(LocalDate.parse("2024-07-31"))).isEqualByComparingTo("250000");
        assertThat(B2clThreshold.on(LocalDate.parse("2024-08-01"))).isEqualByComparingTo("100000");
        // exactly 1,00,000.00 is not above it
        assertThat(B2clThreshold.above(d("100000.00"), LocalDate.parse("2026-11-01"))).isFalse();
    }

    @Test
    void aVoidOfAnInvoiceFiledInAnEarlierReturnIsItsAmendmentToNil() {
        // December: invoice 1 (November, filed) voided on 2 December; a credit note to the Gujarat B2CL buyer
        OutwardDocument void1 = note(Kind.CANCELLATION, INV1, "INV/2627/00101", "2026-12-02", "10500.00", INV1.lines().get(0));
        OutwardDocument cn3 = note(Kind.CREDIT_NOTE, INV3, "CN/2627/00003", "2026-12-03", "12600.00",
                line(1, "0902", "KG", "50", "5", "12000.00", "0.00", "0.00", "600.00"));
        ObjectNode r = Gstr1Builder.build(SHOP, ReturnPeriod.parse("2026-12").orElseThrow(), 4, List.of(void1, cn3));
        assertThat(Gstr1Schema.violations(r)).isEmpty();
        assertThat(r.has("b2b")).isFalse();
        JsonNode amended = find(r.path("b2ba"), "ctin", RAO_MUMBAI).path("inv").get(0);
        assertThat(amended.path("oinum").asString()).isEqualTo("INV/2627/00101");
        assertThat(amended.path("oidt").asString()).isEqualTo("03-11-2026");
        money(amended, "val", "0");
        money(amended.path("itms").get(0).path("itm_det"), "txval", "0");
        // a credit note against a B2CL invoice goes to cdnur as B2CL
        JsonNode cdnur = r.path("cdnur").get(0);
        assertThat(cdnur.path("typ").asString()).isEqualTo("B2CL");
        assertThat(cdnur.path("pos").asString()).isEqualTo("24");
        money(cdnur, "val", "12600.00");
        money(cdnur.path("itms").get(0).path("itm_det"), "iamt", "600.00");
        // HSN: -100 kg rice, -10,000.00 in B2B; -50 kg tea, -12,000.00 in B2C; no invoice issued in December
        money(hsn(r.path("hsn").path("hsn_b2b"), "1006", "5"), "txval", "-10000.00");
        money(hsn(r.path("hsn").path("hsn_b2c"), "0902", "5"), "qty", "-50");
        JsonNode docs = r.path("doc_issue").path("doc_det");
        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).path("doc_num").asInt()).isEqualTo(5);
    }

    @Test
    void theSchemaRefusesWhatTheFormatDoesNotAllow() {
        ObjectNode r = Gstr1Builder.build(SHOP, NOVEMBER, 4, MONTH);
        ((ObjectNode) r.path("b2b").get(0).path("inv").get(0)).put("idt", "2026-11-03");
        r.put("fp", "132026");
        assertThat(Gstr1Schema.violations(r)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void periodsAreMonthsOrQuartersOfTheFinancialYear() {
        ReturnPeriod q3 = ReturnPeriod.parse("2026-Q3").orElseThrow();
        assertThat(q3.from()).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(q3.to()).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(q3.fp()).isEqualTo("122026");
        ReturnPeriod q4 = ReturnPeriod.parse("2026-Q4").orElseThrow();
        assertThat(q4.from()).isEqualTo(LocalDate.parse("2027-01-01"));
        assertThat(q4.to()).isEqualTo(LocalDate.parse("2027-03-31"));
        assertThat(NOVEMBER.fp()).isEqualTo("112026");
        assertThat(ReturnPeriod.parse("2026-13")).isEmpty();
        assertThat(ReturnPeriod.parse("2026-Q5")).isEmpty();
        assertThat(ReturnPeriod.parse("2026-1")).isEmpty();
        assertThat(ReturnPeriod.parse("x")).isEmpty();
    }
}

package dev.kirana.accounting.gstreturn;

import static dev.kirana.accounting.BooksTestSupport.d;
import static dev.kirana.accounting.BooksTestSupport.newShop;
import static dev.kirana.accounting.BooksTestSupport.ok;
import static dev.kirana.accounting.BooksTestSupport.owner;
import static dev.kirana.accounting.BooksTestSupport.post;
import static dev.kirana.accounting.BooksTestSupport.problem;
import static dev.kirana.accounting.BooksTestSupport.publish;
import static dev.kirana.accounting.BooksTestSupport.publishAt;
import static dev.kirana.accounting.BooksTestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.EventTypes;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.KiranaServiceTest;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * November 2026 of a Maharashtra shop (27AAPFU0939F1ZV) through its events and the API, figures worked by hand: two B2B
 * invoices (one to Karnataka), a B2CL invoice to Gujarat, B2C sales within the state and to Karnataka at 5 % and 18 %,
 * a void, a credit note, two suppliers' bills and a debit note; then filing, and what comes after it.
 */
@KiranaServiceTest
class GstReturnsTest {
    static final String SHOP_GSTIN = "27AAPFU0939F1ZV";
    static final String RAO_MUMBAI = "27AAACR5055K1Z7";
    static final String TEJAS_BENGALURU = "29AABCT1332L1ZA";
    static final String PUNE_SUPPLIER = "27AAGCS4321B1ZS";
    static final String BENGALURU_SUPPLIER = "29AAGCS4321B1ZO";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String BASE = "/api/v1/accounting/gst/returns";

    @Autowired
    WebTestClient http;
    @Autowired
    DatabaseClient db;

    static OffsetDateTime at(String date) {
        return LocalDate.parse(date).atTime(11, 0).atOffset(ZoneOffset.ofHoursMinutes(5, 30)).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static OrderEvents.OrderLine line(int no, String hsn, String unit, String qty, String rate, String taxable, String cgst, String sgst,
                                      String igst) {
        BigDecimal total = d(taxable).add(d(cgst)).add(d(sgst)).add(d(igst));
        return new OrderEvents.OrderLine("p-" + hsn, "SKU-" + hsn, "Item " + hsn, d(qty), total.divide(d(qty), 2, java.math.RoundingMode.HALF_UP),
                total, no, hsn, unit, d(rate), false, d("0"), d(taxable), d(cgst), d(sgst), d(igst));
    }

    record Sale(String orderId, String invoice, String pos, boolean inter, OrderEvents.Customer customer, List<OrderEvents.OrderLine> lines) {
        BigDecimal sum(java.util.function.Function<OrderEvents.OrderLine, BigDecimal> f) {
            return lines.stream().map(f).reduce(d("0.00"), BigDecimal::add);
        }

        BigDecimal total() {
            return sum(OrderEvents.OrderLine::lineTotal);
        }

        OrderEvents.OrderConfirmed confirmed(String date) {
            return new OrderEvents.OrderConfirmed(orderId, "u-cashier", "INR", lines, total(), at(date).toInstant(), invoice, at(date).toInstant(),
                    null, "TAX_INVOICE", "27", pos, inter ? "INTER_STATE" : "INTRA_STATE", customer,
                    List.of(new OrderEvents.Tender("UPI", total(), null, null, null, null)), d("0"),
                    sum(OrderEvents.OrderLine::taxableValue), sum(OrderEvents.OrderLine::cgst), sum(OrderEvents.OrderLine::sgst),
                    sum(OrderEvents.OrderLine::igst), d("0.00"), 0L);
        }

        OrderEvents.OrderVoided voided(String date) {
            return new OrderEvents.OrderVoided(orderId, invoice, "wrong bill", "u-manager", at(date).toInstant(), "INR", null, lines, total(),
                    "TAX_INVOICE", pos, inter ? "INTER_STATE" : "INTRA_STATE", customer,
                    List.of(new OrderEvents.Tender("UPI", total(), null, null, null, null)), sum(OrderEvents.OrderLine::taxableValue),
                    sum(OrderEvents.OrderLine::cgst), sum(OrderEvents.OrderLine::sgst), sum(OrderEvents.OrderLine::igst), d("0.00"), 0L);
        }

        /** Line {@code no} back, {@code qty} of it at its taxable value and tax. */
        OrderEvents.OrderRefunded refunded(String creditNote, String date, int no, String qty, String taxable, String cgst, String sgst, String igst) {
            OrderEvents.OrderLine l = lines.get(no - 1);
            BigDecimal amount = d(taxable).add(d(cgst)).add(d(sgst)).add(d(igst));
            return new OrderEvents.OrderRefunded(orderId, UUID.randomUUID().toString(), creditNote, invoice, "damaged", "u-manager",
                    at(date).toInstant(), "INR", null, List.of(new OrderEvents.RefundLine(no, l.productId(), l.sku(), l.name(), l.hsn(), d(qty),
                    l.gstRate(), d(taxable), d(cgst), d(sgst), d(igst), amount, "RESTOCK")), amount, "TAX_INVOICE", pos,
                    inter ? "INTER_STATE" : "INTRA_STATE", customer, new OrderEvents.Tender("UPI", amount, null, null, null, null),
                    d(taxable), d(cgst), d(sgst), d(igst), d("0.00"), 0L, false);
        }
    }

    static final OrderEvents.Customer WALK_IN = new OrderEvents.Customer("Asha", "9876500001", null, null);

    // 10,000.00 + 250.00 + 250.00 = 10,500.00
    static Sale rao() {
        return new Sale(UUID.randomUUID().toString(), "INV/2627/00101", "27", false, new OrderEvents.Customer("Rao Caterers", null, RAO_MUMBAI, "27"),
                List.of(line(1, "10063020", "KG", "100", "5", "10000.00", "250.00", "250.00", "0.00")));
    }

    // 5,000.00 + 900.00 and 4,000.00 + 200.00 = 10,100.00
    static Sale tejas() {
        return new Sale(UUID.randomUUID().toString(), "INV/2627/00102", "29", true, new OrderEvents.Customer("Tejas Foods", null, TEJAS_BENGALURU, "29"),
                List.of(line(1, "19053100", "PCS", "200", "18", "5000.00", "0.00", "0.00", "900.00"),
                        line(2, "10063020", "KG", "50", "5", "4000.00", "0.00", "0.00", "200.00")));
    }

    // 1,20,000.00 + 6,000.00 = 1,26,000.00 to an unregistered buyer in Gujarat: B2CL
    static Sale gujarat() {
        return new Sale(UUID.randomUUID().toString(), "INV/2627/00103", "24", true, new OrderEvents.Customer("Mehta", "9825000001", null, "24"),
                List.of(line(1, "0902", "KG", "500", "5", "120000.00", "0.00", "0.00", "6000.00")));
    }

    // 1,000.00 + 25 + 25, 800.00 + 72 + 72, 600.00 nil-rated milk = 2,594.00
    static Sale counter() {
        return new Sale(UUID.randomUUID().toString(), "INV/2627/00104", "27", false, WALK_IN,
                List.of(line(1, "1006", "KG", "20", "5", "1000.00", "25.00", "25.00", "0.00"),
                        line(2, "1905", "PCS", "40", "18", "800.00", "72.00", "72.00", "0.00"),
                        line(3, "0401", "L", "10", "0", "600.00", "0.00", "0.00", "0.00")));
    }

    // 2,000.00 + 360.00 and 500.00 + 25.00 = 2,885.00 to a Karnataka consumer
    static Sale karnatakaConsumer() {
        return new Sale(UUID.randomUUID().toString(), "INV/2627/00105", "29", true, new OrderEvents.Customer("Ravi", "9845000001", null, "29"),
                List.of(line(1, "1905", "PCS", "30", "18", "2000.00", "0.00", "0.00", "360.00"),
                        line(2, "1006", "KG", "10", "5", "500.00", "0.00", "0.00", "25.00")));
    }

    // 300.00 + 27 + 27 = 354.00, voided
    static Sale voidedSale() {
        return new Sale(UUID.randomUUID().toString(), "INV/2627/00106", "27", false, WALK_IN,
                List.of(line(1, "1905", "PCS", "10", "18", "300.00", "27.00", "27.00", "0.00")));
    }

    String maharashtraShop() {
        String shop = newShop();
        publish(Topics.SHOP, shop, shop, EventTypes.SHOP_CREATED, new ShopEvents.ShopCreated(shop, "Sri Lakshmi Stores", "27", SHOP_GSTIN, "INR",
                "REGULAR", "u-owner"));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("SELECT gstin FROM shop_states WHERE shop_id = :s AND gstin IS NOT NULL")
                .bind("s", shop).map(r -> r.get("gstin", String.class)).one().blockOptional().isPresent());
        return shop;
    }

    void awaitDocuments(String shop, long count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("SELECT count(*) AS n FROM gst_outward_documents WHERE shop_id = :s")
                .bind("s", shop).map(r -> r.get("n", Long.class)).one().block() == count);
    }

    String supplier(String shop, String name, String gstin) {
        return (String) ok(post(http, "/api/v1/accounting/parties", owner(shop), Map.of("kind", "SUPPLIER", "name", name, "gstin", gstin)), 201)
                .get("id");
    }

    WebTestClient.ResponseSpec get(String uri, String token) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }

    JsonNode gstr1(String shop, String period) {
        String body = get(BASE + "/gstr-1?period=" + period, owner(shop)).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON).expectBody(String.class).returnResult().getResponseBody();
        assertThat(Gstr1Schema.violations(body)).as("GSTR-1 " + period + " against the format's schema").isEmpty();
        return JSON.readTree(body);
    }

    static JsonNode find(JsonNode array, String field, String value) {
        return Gstr1BuilderTest.find(array, field, value);
    }

    static void money(JsonNode n, String field, String expected) {
        Gstr1BuilderTest.money(n, field, expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWorkedMonthFiledAndWhatCameAfterIt() throws Exception {
        String shop = maharashtraShop();
        Sale rao = rao(), tejas = tejas(), gujarat = gujarat(), counter = counter(), karnataka = karnatakaConsumer(), voided = voidedSale();
        publishAt(Topics.ORDER, rao.orderId(), shop, EventTypes.ORDER_CONFIRMED, rao.confirmed("2026-11-03"), at("2026-11-03"));
        publishAt(Topics.ORDER, tejas.orderId(), shop, EventTypes.ORDER_CONFIRMED, tejas.confirmed("2026-11-05"), at("2026-11-05"));
        publishAt(Topics.ORDER, gujarat.orderId(), shop, EventTypes.ORDER_CONFIRMED, gujarat.confirmed("2026-11-08"), at("2026-11-08"));
        var counterSale = publishAt(Topics.ORDER, counter.orderId(), shop, EventTypes.ORDER_CONFIRMED, counter.confirmed("2026-11-10"), at("2026-11-10"));
        publishAt(Topics.ORDER, karnataka.orderId(), shop, EventTypes.ORDER_CONFIRMED, karnataka.confirmed("2026-11-12"), at("2026-11-12"));
        publishAt(Topics.ORDER, voided.orderId(), shop, EventTypes.ORDER_CONFIRMED, voided.confirmed("2026-11-15"), at("2026-11-15"));
        publishAt(Topics.ORDER, voided.orderId(), shop, EventTypes.ORDER_VOIDED, voided.voided("2026-11-16"), at("2026-11-16"));
        // 20 biscuits of Tejas's invoice back: 500.00 + IGST 90.00 = 590.00
        publishAt(Topics.ORDER, tejas.orderId(), shop, EventTypes.ORDER_REFUNDED,
                tejas.refunded("CN/2627/00001", "2026-11-20", 1, "20", "500.00", "0.00", "0.00", "90.00"), at("2026-11-20"));
        dev.kirana.accounting.BooksTestSupport.send(Topics.ORDER, counter.orderId(), counterSale);   // redelivered: still once
        awaitDocuments(shop, 8);

        // purchases: Pune, 100 kg rice x 80.00 = 8,000.00 + CGST 200.00 + SGST 200.00; Bengaluru, 500 biscuits x 20.00 = 10,000.00 + IGST 1,800.00
        String pune = supplier(shop, "Pune Grains", PUNE_SUPPLIER);
        String bengaluru = supplier(shop, "Bengaluru Biscuits", BENGALURU_SUPPLIER);
        ok(post(http, "/api/v1/accounting/purchase-bills", owner(shop), Map.of("supplierId", pune, "billNumber", "PG-77", "billDate", "2026-11-02",
                "lines", List.of(Map.of("productId", "p-1006", "quantity", "100", "unitCost", "80.00", "gstRate", "5")))), 201);
        Map<String, Object> bill = ok(post(http, "/api/v1/accounting/purchase-bills", owner(shop), Map.of("supplierId", bengaluru,
                "billNumber", "BB-9", "billDate", "2026-11-04",
                "lines", List.of(Map.of("productId", "p-1905", "quantity", "500", "unitCost", "20.00", "gstRate", "18")))), 201);
        assertThat(bill).containsEntry("igst", "1800.00");
        // 50 biscuits back to Bengaluru under a debit note: 1,000.00 + IGST 180.00
        Map<String, Object> debitNote = ok(post(http, "/api/v1/accounting/purchase-bills/" + bill.get("id") + "/returns", owner(shop),
                Map.of("date", "2026-11-25", "reason", "broken", "lines", List.of(Map.of("lineNo", 1, "quantity", "50")))), 201);
        assertThat(debitNote).containsEntry("igst", "180.00");

        JsonNode r = gstr1(shop, "2026-11");
        assertThat(r.path("gstin").asString()).isEqualTo(SHOP_GSTIN);
        assertThat(r.path("fp").asString()).isEqualTo("112026");
        assertThat(r.path("b2b")).hasSize(2);
        JsonNode raoInv = find(r.path("b2b"), "ctin", RAO_MUMBAI).path("inv").get(0);
        assertThat(raoInv.path("inum").asString()).isEqualTo("INV/2627/00101");
        assertThat(raoInv.path("idt").asString()).isEqualTo("03-11-2026");
        money(raoInv, "val", "10500.00");
        money(raoInv.path("itms").get(0).path("itm_det"), "camt", "250.00");
        JsonNode tejasInv = find(r.path("b2b"), "ctin", TEJAS_BENGALURU).path("inv").get(0);
        money(tejasInv, "val", "10100.00");
        assertThat(tejasInv.path("pos").asString()).isEqualTo("29");
        money(tejasInv.path("itms").get(1).path("itm_det"), "iamt", "900.00");   // 18 %: 5,000.00 x 18 %
        JsonNode b2cl = find(r.path("b2cl"), "pos", "24").path("inv").get(0);
        money(b2cl, "val", "126000.00");
        money(b2cl.path("itms").get(0).path("itm_det"), "iamt", "6000.00");
        assertThat(r.path("b2cs")).hasSize(4);
        money(Gstr1BuilderTest.b2cs(r, "INTRA", "27", "18"), "txval", "800.00");   // the voided 300.00 is not in it
        money(Gstr1BuilderTest.b2cs(r, "INTRA", "27", "5"), "camt", "25.00");
        money(Gstr1BuilderTest.b2cs(r, "INTER", "29", "18"), "iamt", "360.00");
        money(Gstr1BuilderTest.b2cs(r, "INTER", "29", "5"), "txval", "500.00");
        JsonNode cn = find(r.path("cdnr"), "ctin", TEJAS_BENGALURU).path("nt").get(0);
        assertThat(cn.path("nt_num").asString()).isEqualTo("CN/2627/00001");
        money(cn, "val", "590.00");
        money(r.path("nil").path("inv").get(0), "nil_amt", "600.00");
        // HSN B2B 1905: 200 - 20 biscuits, 5,000.00 - 500.00; B2C 1006: 20 + 10 kg, 1,000.00 + 500.00
        JsonNode b2bBiscuits = Gstr1BuilderTest.hsn(r.path("hsn").path("hsn_b2b"), "1905", "18");
        money(b2bBiscuits, "qty", "180");
        money(b2bBiscuits, "txval", "4500.00");
        money(Gstr1BuilderTest.hsn(r.path("hsn").path("hsn_b2c"), "1006", "5"), "txval", "1500.00");
        JsonNode series = find(r.path("doc_issue").path("doc_det"), "doc_typ", "Invoices for outward supply").path("docs").get(0);
        assertThat(series.path("from").asString()).isEqualTo("INV/2627/00101");
        assertThat(series.path("to").asString()).isEqualTo("INV/2627/00106");
        assertThat(series.path("totnum").asInt()).isEqualTo(6);
        assertThat(series.path("cancel").asInt()).isEqualTo(1);

        // GSTR-3B
        Map<String, Object> b = ok(get(BASE + "/gstr-3b?period=2026-11", token(shop, "AUDITOR")), 200);
        Map<String, Object> out = (Map<String, Object>) ((Map<String, Object>) b.get("supDetails")).get("osupDet");
        // 10,000 + 9,000 + 1,20,000 + 1,800 + 2,500 = 1,43,300.00 less the credit note's 500.00 = 1,42,800.00
        assertThat(out).containsEntry("txval", "142800.00");
        // IGST 200 + 900 + 6,000 + 360 + 25 = 7,485.00 less 90.00 = 7,395.00; CGST and SGST 250 + 25 + 72 = 347.00
        assertThat(out).containsEntry("iamt", "7395.00").containsEntry("camt", "347.00").containsEntry("samt", "347.00");
        assertThat(((Map<String, Object>) ((Map<String, Object>) b.get("supDetails")).get("osupNilExmp"))).containsEntry("txval", "600.00");
        List<Map<String, Object>> unreg = (List<Map<String, Object>>) ((Map<String, Object>) b.get("interSup")).get("unregDetails");
        assertThat(unreg).hasSize(2);
        assertThat(unreg.get(0)).containsEntry("pos", "24").containsEntry("txval", "120000.00").containsEntry("iamt", "6000.00");
        assertThat(unreg.get(1)).containsEntry("pos", "29").containsEntry("txval", "2500.00").containsEntry("iamt", "385.00");
        // ITC: IGST 1,800.00 - 180.00 = 1,620.00; CGST 200.00; SGST 200.00
        Map<String, Object> net = (Map<String, Object>) ((Map<String, Object>) b.get("itcElg")).get("itcNet");
        assertThat(net).containsEntry("iamt", "1620.00").containsEntry("camt", "200.00").containsEntry("samt", "200.00");
        // 6.1: IGST 7,395 - 1,620 = 5,775 in cash; CGST 347 - 200 = 147; SGST 347 - 200 = 147
        List<Map<String, Object>> payable = (List<Map<String, Object>>) b.get("taxPayable");
        assertThat(payable.get(0)).containsEntry("head", "IGST").containsEntry("taxPayable", "7395").containsEntry("paidByIgst", "1620")
                .containsEntry("paidInCash", "5775");
        assertThat(payable.get(1)).containsEntry("head", "CGST").containsEntry("paidByCgst", "200").containsEntry("paidInCash", "147");
        assertThat(payable.get(2)).containsEntry("head", "SGST").containsEntry("paidBySgst", "200").containsEntry("paidInCash", "147");

        // the workbook: one sheet per section; b2b has a row per item: 1 (Rao) + 2 (Tejas)
        byte[] xlsx = http.get().uri(BASE + "/gstr-1?period=2026-11&format=xlsx").headers(h -> h.setBearerAuth(owner(shop))).exchange()
                .expectStatus().isOk().expectHeader().contentType(GstReturnController.XLSX).expectBody(byte[].class).returnResult().getResponseBody();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> names = new ArrayList<>();
            book.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactlyElementsOf(Gstr1Workbook.SHEETS);
            Sheet b2b = book.getSheet("b2b");
            assertThat(b2b.getRow(3).getCell(0).getStringCellValue()).isEqualTo("GSTIN/UIN of Recipient");
            assertThat(b2b.getLastRowNum()).isEqualTo(3 + 3);
            Sheet docs = book.getSheet("docs");
            assertThat(docs.getRow(4).getCell(3).getNumericCellValue()).isEqualTo(6.0);
        }

        // filing: owner only, once
        problem(post(http, BASE + "/gstr-1/2026-11/filed", token(shop, "MANAGER"), Map.of()), 403, "");
        byte[] filed = post(http, BASE + "/gstr-1/2026-11/filed", owner(shop), Map.of()).expectStatus().isCreated()
                .expectBody(byte[].class).returnResult().getResponseBody();
        problem(post(http, BASE + "/gstr-1/2026-11/filed", owner(shop), Map.of()), 409, "already filed");
        problem(post(http, BASE + "/gstr-1/2026-Q3/filed", owner(shop), Map.of()), 409, "");   // November is in it
        // filed once on the audit trail (the refused attempts are not); the workbook downloaded before it is an export
        var audit = dev.kirana.accounting.BooksTestSupport.audit(db, shop);
        assertThat(audit).filteredOn(a -> a.action().equals("gst-return.filed")).singleElement().satisfies(a -> {
            assertThat(a.entityType()).isEqualTo("gst-return");
            assertThat(a.entityId()).isEqualTo("GSTR-1:2026-11");
            assertThat(a.before().get("filed").asBoolean()).isFalse();
            assertThat(a.after().get("from").asString()).isEqualTo("2026-11-01");
            assertThat(a.after().get("to").asString()).isEqualTo("2026-11-30");
        });
        assertThat(audit).filteredOn(a -> a.action().equals("export.downloaded"))
                .anySatisfy(a -> assertThat(a.after().get("file").asString()).endsWith(".xlsx"));

        // after filing: a late sale dated 29 November and a credit note against Rao's invoice land in December
        Sale late = new Sale(UUID.randomUUID().toString(), "INV/2627/00107", "27", false, rao.customer(),
                List.of(line(1, "1006", "KG", "10", "5", "1000.00", "25.00", "25.00", "0.00")));
        publishAt(Topics.ORDER, late.orderId(), shop, EventTypes.ORDER_CONFIRMED, late.confirmed("2026-11-29"), at("2026-11-29"));
        publishAt(Topics.ORDER, rao.orderId(), shop, EventTypes.ORDER_REFUNDED,
                rao.refunded("CN/2627/00002", "2026-11-30", 1, "10", "1000.00", "25.00", "25.00", "0.00"), at("2026-11-30"));
        awaitDocuments(shop, 10);
        JsonNode november = gstr1(shop, "2026-11");
        assertThat(november).isEqualTo(JSON.readTree(filed));
        assertThat(november.toString()).doesNotContain("CN/2627/00002").doesNotContain("INV/2627/00107");
        get(BASE + "/gstr-1?period=2026-11", owner(shop)).expectHeader().exists("Kirana-Gst-Filed-At");
        JsonNode december = gstr1(shop, "2026-12");
        JsonNode lateInv = find(december.path("b2b"), "ctin", RAO_MUMBAI).path("inv").get(0);
        assertThat(lateInv.path("inum").asString()).isEqualTo("INV/2627/00107");
        assertThat(lateInv.path("idt").asString()).isEqualTo("29-11-2026");
        JsonNode lateNote = find(december.path("cdnr"), "ctin", RAO_MUMBAI).path("nt").get(0);
        assertThat(lateNote.path("nt_num").asString()).isEqualTo("CN/2627/00002");
        money(lateNote, "val", "1050.00");
        // December's 3B: 1,000.00 sold less 1,000.00 returned
        Map<String, Object> dec3b = ok(get(BASE + "/gstr-3b?period=2026-12", owner(shop)), 200);
        assertThat((Map<String, Object>) ((Map<String, Object>) dec3b.get("supDetails")).get("osupDet")).containsEntry("txval", "0.00");
    }

    @Test
    void badPeriodsAndFormatsAreProblemsAndOthersCannotFile() {
        String shop = newShop();
        problem(get(BASE + "/gstr-1?period=2026-13", owner(shop)), 400, "period");
        problem(get(BASE + "/gstr-1?period=2026-11&format=pdf", owner(shop)), 400, "format");
        problem(get(BASE + "/gstr-1?period=2026-11&hsnDigits=5", owner(shop)), 400, "hsnDigits");
        problem(get(BASE + "/gstr-3b?period=2026-Q5", owner(shop)), 400, "period");
        problem(get(BASE + "/gstr-3b", owner(shop)), 400, "period");
        problem(post(http, BASE + "/gstr-1/2026-13/filed", owner(shop), Map.of()), 400, "period");
        problem(post(http, BASE + "/gstr-1/2099-01/filed", owner(shop), Map.of()), 409, "has not ended");
        problem(post(http, BASE + "/gstr-1/2026-11/filed", token(shop, "AUDITOR"), Map.of()), 403, "");
        problem(get(BASE + "/gstr-1?period=2026-11", token(shop, "CASHIER")), 403, "");
        // nothing was filed
        assertThat(db.sql("SELECT count(*) AS n FROM gst_filed_returns WHERE shop_id = :s").bind("s", shop)
                .map(x -> x.get("n", Long.class)).one().block()).isZero();
        // an empty month still meets the format
        gstr1(shop, "2026-10");
    }
}

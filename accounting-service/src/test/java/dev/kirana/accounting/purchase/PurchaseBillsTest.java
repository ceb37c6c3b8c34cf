package dev.kirana.accounting.purchase;

import static dev.kirana.accounting.BooksTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Suppliers' bills and returns through the API, with the books and the events they leave, figures worked by hand. */
@KiranaServiceTest
class PurchaseBillsTest {
    static final TopicProbe PROBE = accountingProbe();
    static final String KARNATAKA_SUPPLIER = "29AAGCB7383J1Z4";
    static final String MAHARASHTRA_SUPPLIER = "27AAPFU0939F1ZV";
    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Kolkata"));
    static final LocalDate BEFORE_GST2 = LocalDate.of(2025, 9, 15);

    @Autowired
    WebTestClient http;
    @Autowired
    DatabaseClient db;

    @AfterAll
    static void close() {
        PROBE.close();
    }

    WebTestClient.ResponseSpec post(String uri, String token, String key, Object body) {
        return http.post().uri(uri).headers(h -> {
            h.setBearerAuth(token);
            if (key != null) {
                h.set("Idempotency-Key", key);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    Map<String, Object> ok(WebTestClient.ResponseSpec spec, int status) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = spec.expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
        return body;
    }

    Map<String, Object> problem(WebTestClient.ResponseSpec spec, int status) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = spec.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(body).containsKey("type");
        return body;
    }

    String supplier(String shop, String name, String gstin) {
        return (String) ok(post("/api/v1/accounting/parties", owner(shop), null, Map.of("kind", "SUPPLIER", "name", name, "gstin", gstin)), 201)
                .get("id");
    }

    /** A shop in Karnataka (29), as auth-service announces it; waits until the books know its state. */
    String karnatakaShop() {
        String shop = newShop();
        publish(Topics.SHOP, shop, shop, EventTypes.SHOP_CREATED, new ShopEvents.ShopCreated(shop, "Sri Lakshmi Stores", "29", null, "INR",
                "REGULAR", "u-owner"));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("SELECT state_code FROM shop_states WHERE shop_id = :s").bind("s", shop)
                .map(r -> r.get("state_code", String.class)).one().blockOptional().isPresent());
        return shop;
    }

    static Map<String, Object> line(String product, String qty, String cost, String rate) {
        return Map.of("productId", product, "quantity", qty, "unitCost", cost, "gstRate", rate);
    }

    String partyBalance(String shop, String id) {
        return (String) ok(http.get().uri("/api/v1/accounting/parties/" + id).headers(h -> h.setBearerAuth(owner(shop))).exchange(), 200)
                .get("balance");
    }

    @Test
    void anIntraStateBillPostsInventoryAndInputCgstSgstOnceAndAReturnReversesItAtBillCost() {
        String shop = karnatakaShop();
        String sharma = supplier(shop, "Sharma Traders", KARNATAKA_SUPPLIER);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("supplierId", sharma, "billNumber", "ST-1", "billDate", today.minusDays(2).toString(),
                "lines", List.of(Map.of("productId", "p-atta", "quantity", "10", "unitCost", "40.00", "gstRate", "5",
                        "batchNo", "AT2604", "expiryDate", today.plusMonths(6).toString())));
        Map<String, Object> bill = ok(post("/api/v1/accounting/purchase-bills", owner(shop), key, body), 201);
        // 10 x 40.00 = 400.00 taxable; 5 % within Karnataka: CGST 2.5 % = 10.00, SGST 2.5 % = 10.00; total 420.00
        assertThat(bill).containsEntry("supplyType", "INTRA_STATE").containsEntry("taxableValue", "400.00")
                .containsEntry("cgst", "10.00").containsEntry("sgst", "10.00").containsEntry("igst", "0.00").containsEntry("total", "420.00");
        String billId = (String) bill.get("id");

        // the same request again (a retry): the first answer, nothing posted twice
        http.post().uri("/api/v1/accounting/purchase-bills").headers(h -> {
                    h.setBearerAuth(owner(shop));
                    h.set("Idempotency-Key", key);
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.id").isEqualTo(billId);
        // the same bill number from the same supplier under another key (and another case): 409, nothing written
        var again = new java.util.HashMap<>(body);
        again.put("billNumber", " st-1 ");
        problem(post("/api/v1/accounting/purchase-bills", owner(shop), UUID.randomUUID().toString(), again), 409);

        // inventory-service receives the goods and says they came on this bill: the receipt posts nothing more
        CloudEvent receipt = publish(Topics.INVENTORY, "p-atta", shop, EventTypes.STOCK_RECEIVED,
                new InventoryEvents.StockReceived("p-atta", "loc-1", d("10"), d("40.0000"), d("10"), billId));
        List<CloudEvent> billed = published(PROBE, shop, EventTypes.PURCHASE_BILLED, e -> !e.isEmpty());
        assertThat(billed).hasSize(1);
        var data = KiranaEvents.data(billed.get(0), AccountingEvents.PurchaseBilled.class);
        assertThat(data.billId()).isEqualTo(billId);
        assertThat(data.lines()).singleElement().satisfies(l -> {
            assertThat(l.unitCost()).isEqualByComparingTo("40");
            assertThat(l.batchNo()).isEqualTo("AT2604");
        });
        // a later event of the shop on the same topic orders after the receipt: wait for it to be in the books
        publish(Topics.INVENTORY, "p-atta", shop, EventTypes.STOCK_RECEIVED,      // same key: same partition, after the receipt
                new InventoryEvents.StockReceived("p-marker", "loc-1", d("1"), d("1.00"), d("1")));
        await().atMost(Duration.ofSeconds(30)).until(() -> net(trialBalance(http, shop), "3100").compareTo(d("-1.00")) == 0);

        Map<String, BigDecimal[]> tb = trialBalance(http, shop);
        // Inventory 400.00 from the bill (+1.00 of the marker), once: the bill's receipt added nothing
        assertThat(net(tb, "1200")).isEqualByComparingTo("401.00");
        assertThat(net(tb, "1300")).isEqualByComparingTo("10.00");
        assertThat(net(tb, "1310")).isEqualByComparingTo("10.00");
        assertThat(net(tb, "2000")).isEqualByComparingTo("-420.00");
        assertThat(partyBalance(shop, sharma)).isEqualTo("420.00");
        http.get().uri("/api/v1/accounting/journal?from=2020-01-01&to=2100-12-31").headers(h -> h.setBearerAuth(owner(shop))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.source=='stock.received:" + receipt.getId() + "')]").isEmpty();

        // 2 of the 10 back: 2 x 40.00 = 80.00, CGST 2.00, SGST 2.00, debit note 84.00
        Map<String, Object> ret = ok(post("/api/v1/accounting/purchase-bills/" + billId + "/returns", owner(shop), UUID.randomUUID().toString(),
                Map.of("reason", "torn packets", "lines", List.of(Map.of("lineNo", 1, "quantity", "2")))), 201);
        assertThat((String) ret.get("debitNoteNumber")).matches("DN/[0-9]{2}-[0-9]{2}/0001");
        assertThat(ret).containsEntry("taxableValue", "80.00").containsEntry("cgst", "2.00").containsEntry("sgst", "2.00")
                .containsEntry("total", "84.00");
        // 9 more cannot go back: only 8 are left
        Map<String, Object> tooMany = problem(post("/api/v1/accounting/purchase-bills/" + billId + "/returns", owner(shop),
                UUID.randomUUID().toString(), Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", "9")))), 422);
        assertThat((String) tooMany.get("detail")).contains("only 8");
        problem(post("/api/v1/accounting/purchase-bills/" + billId + "/returns", owner(shop), UUID.randomUUID().toString(),
                Map.of("lines", List.of(Map.of("lineNo", 2, "quantity", "1")))), 422);

        tb = trialBalance(http, shop);
        // Inventory 401.00 - 80.00 = 321.00; input CGST 10.00 - 2.00 = 8.00, SGST 8.00; Sharma is owed 420.00 - 84.00 = 336.00
        assertThat(net(tb, "1200")).isEqualByComparingTo("321.00");
        assertThat(net(tb, "1300")).isEqualByComparingTo("8.00");
        assertThat(net(tb, "1310")).isEqualByComparingTo("8.00");
        assertThat(net(tb, "2000")).isEqualByComparingTo("-336.00");
        assertThat(partyBalance(shop, sharma)).isEqualTo("336.00");
        assertThat(tb.values().stream().map(r -> r[0].subtract(r[1])).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0");

        // inventory-service takes the 2 out at its moving average 42.00 = 84.00, not the bill's 80.00: the 4.00 goes to cost of
        // sales, so Inventory (321.00 - 4.00 = 317.00) still equals what inventory values the stock at; delivered twice, posted once
        CloudEvent out = publish(Topics.INVENTORY, "p-atta", shop, EventTypes.STOCK_ADJUSTED, new InventoryEvents.StockAdjusted("p-atta", "loc-1",
                "SUPPLIER_RETURN", d("-2"), d("42.0000"), d("-84.00"), d("8"), "Debit note", "purchase-return:" + ret.get("id") + ":1"));
        send(Topics.INVENTORY, "p-atta", out);
        // behind them on the same key, a return line accounting does not know (it posts nothing): once it is in the inbox,
        // the two before it have been handled
        CloudEvent marker = publish(Topics.INVENTORY, "p-atta", shop, EventTypes.STOCK_ADJUSTED, new InventoryEvents.StockAdjusted("p-atta",
                "loc-1", "SUPPLIER_RETURN", d("-1"), d("40.0000"), d("-40.00"), d("7"), "Debit note", "purchase-return:" + UUID.randomUUID() + ":1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("SELECT count(*) AS n FROM kirana_inbox WHERE consumer = :c AND event_id = :id")
                .bind("c", PurchaseReturnCosting.CONSUMER).bind("id", marker.getId()).map(r -> r.get("n", Long.class)).one().block() == 1
                && db.sql("SELECT count(*) AS n FROM kirana_inbox WHERE consumer = 'accounting-service.stock-value' AND event_id = :id")
                .bind("id", marker.getId()).map(r -> r.get("n", Long.class)).one().block() == 1);
        tb = trialBalance(http, shop);
        assertThat(net(tb, "1200")).isEqualByComparingTo("317.00");
        assertThat(net(tb, "5000")).isEqualByComparingTo("4.00");
        assertThat(net(tb, "2900")).isEqualByComparingTo("0");         // nothing in suspense: the stock posting knows SUPPLIER_RETURN

        Map<String, Object> read = ok(http.get().uri("/api/v1/accounting/purchase-bills/" + billId).headers(h -> h.setBearerAuth(owner(shop)))
                .exchange(), 200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) read.get("lines");
        assertThat(lines.get(0)).containsEntry("returnedQuantity", "2.000");
        assertThat((List<?>) read.get("returns")).hasSize(1);
        List<CloudEvent> returned = published(PROBE, shop, EventTypes.PURCHASE_RETURNED, e -> !e.isEmpty());
        var r = KiranaEvents.data(returned.get(0), AccountingEvents.PurchaseReturned.class);
        assertThat(r.lines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualByComparingTo("2");
            assertThat(l.unitCost()).isEqualByComparingTo("40");
            assertThat(l.batchNo()).isEqualTo("AT2604");
        });
        http.get().uri("/api/v1/accounting/purchase-bills?supplierId=" + sharma).headers(h -> h.setBearerAuth(owner(shop))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].billNumber").isEqualTo("ST-1");
    }

    @Test
    void anInterStateBillTakesIgstAndAPaymentAtOnceSettlesTheSupplier() {
        String shop = karnatakaShop();
        String mills = supplier(shop, "Pune Oil Mills", MAHARASHTRA_SUPPLIER);
        Map<String, Object> bill = ok(post("/api/v1/accounting/purchase-bills", owner(shop), UUID.randomUUID().toString(),
                // dated before GST 2.0 (22 September 2025), when ghee was taxed at 12 %
                Map.of("supplierId", mills, "billNumber", "POM/778", "billDate", BEFORE_GST2.toString(),
                        "lines", List.of(line("p-oil", "2", "500.00", "18"), line("p-ghee", "3", "333.33", "12")),
                        "paidNow", Map.of("amount", "1000.00", "mode", "BANK", "reference", "NEFT 4411"))), 201);
        // Maharashtra (27) to Karnataka (29): IGST.
        // 2 x 500.00 = 1000.00, 18 % = 180.00; 3 x 333.33 = 999.99, 12 % = 119.9988 -> 120.00
        // taxable 1999.99, IGST 300.00, total 2299.99; 1000.00 paid by bank, 1299.99 still owed
        assertThat(bill).containsEntry("supplyType", "INTER_STATE").containsEntry("taxableValue", "1999.99")
                .containsEntry("igst", "300.00").containsEntry("cgst", "0.00").containsEntry("total", "2299.99");
        assertThat(bill.get("paidPaymentId")).isNotNull();
        Map<String, BigDecimal[]> tb = trialBalance(http, shop);
        assertThat(net(tb, "1200")).isEqualByComparingTo("1999.99");
        assertThat(net(tb, "1320")).isEqualByComparingTo("300.00");
        assertThat(net(tb, "1300")).isEqualByComparingTo("0");
        assertThat(net(tb, "1050")).isEqualByComparingTo("-1000.00");
        assertThat(net(tb, "2000")).isEqualByComparingTo("-1299.99");
        assertThat(partyBalance(shop, mills)).isEqualTo("1299.99");
        http.get().uri("/api/v1/accounting/parties/" + mills + "/payments").headers(h -> h.setBearerAuth(owner(shop))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].amount").isEqualTo("1000.00");
        // all 3 of the ghee back: 999.99 + 120.00 = 1119.99 off what is owed -> 180.00
        Map<String, Object> ret = ok(post("/api/v1/accounting/purchase-bills/" + bill.get("id") + "/returns", owner(shop),
                UUID.randomUUID().toString(), Map.of("lines", List.of(Map.of("lineNo", 2, "quantity", "3")))), 201);
        assertThat(ret).containsEntry("igst", "120.00").containsEntry("total", "1119.99");

        // a bill printed with its total rounded to the rupee: 3 x 333.33 = 999.99 + IGST 12 % 120.00 = 1119.99, printed 1120.00:
        // round-off 0.01 (Dr Round off 4900); printed 1125.00 is a line entered wrong, refused
        Map<String, Object> rounded = Map.of("supplierId", mills, "billNumber", "POM/779", "billDate", BEFORE_GST2.toString(),
                "lines", List.of(line("p-ghee", "3", "333.33", "12")), "billTotal", "1120.00");
        assertThat(ok(post("/api/v1/accounting/purchase-bills", owner(shop), UUID.randomUUID().toString(), rounded), 201))
                .containsEntry("roundOff", "0.01").containsEntry("total", "1120.00");
        var wrong = new java.util.HashMap<>(rounded);
        wrong.put("billNumber", "POM/780");
        wrong.put("billTotal", "1125.00");
        assertThat((String) problem(post("/api/v1/accounting/purchase-bills", owner(shop), UUID.randomUUID().toString(), wrong), 422)
                .get("detail")).contains("add up to 1119.99");
        // 180.00 + 1120.00 = 1300.00 owed; Round off 0.01 debit
        assertThat(partyBalance(shop, mills)).isEqualTo("1300.00");
        assertThat(net(trialBalance(http, shop), "4900")).isEqualByComparingTo("0.01");
        var billed = published(PROBE, shop, EventTypes.PURCHASE_BILLED, e -> e.size() == 2).stream()
                .map(e -> KiranaEvents.data(e, AccountingEvents.PurchaseBilled.class)).toList();
        assertThat(billed).filteredOn(b -> b.billNumber().equals("POM/778")).singleElement()
                .satisfies(b -> assertThat(b.paidNow().amount()).isEqualByComparingTo("1000.00"));
        assertThat(billed).filteredOn(b -> b.billNumber().equals("POM/779")).singleElement()
                .satisfies(b -> assertThat(b.roundOff()).isEqualByComparingTo("0.01"));
    }

    @Test
    void badBillsAreProblemsAndWriteNothing() {
        String shop = newShop();   // no shop event: its state is not known
        String owner = owner(shop);
        String supplier = supplier(shop, "Gupta Agencies", KARNATAKA_SUPPLIER);
        String customer = (String) ok(post("/api/v1/accounting/parties", owner, null, Map.of("kind", "CUSTOMER", "name", "Asha", "phone", "9876500001")), 201)
                .get("id");
        Map<String, Object> good = Map.of("supplierId", supplier, "billNumber", "GA-1", "billDate", today.toString(),
                "lines", List.of(line("p-1", "1", "100", "18")));
        problem(post("/api/v1/accounting/purchase-bills", owner, null, good), 400);                       // no Idempotency-Key
        Map<String, Object> unknown = problem(post("/api/v1/accounting/purchase-bills", owner, UUID.randomUUID().toString(), good), 422);
        assertThat((String) unknown.get("type")).endsWith("/supply-type-unknown");
        var withCustomer = new java.util.HashMap<>(good);
        withCustomer.put("supplierId", customer);
        withCustomer.put("supplyType", "INTRA_STATE");
        assertThat((String) problem(post("/api/v1/accounting/purchase-bills", owner, UUID.randomUUID().toString(), withCustomer), 422)
                .get("type")).endsWith("/not-a-supplier");
        var nobody = new java.util.HashMap<>(withCustomer);
        nobody.put("supplierId", UUID.randomUUID().toString());
        problem(post("/api/v1/accounting/purchase-bills", owner, UUID.randomUUID().toString(), nobody), 404);
        // another shop's supplier is nobody here
        problem(post("/api/v1/accounting/purchase-bills", owner(newShop()), UUID.randomUUID().toString(),
                Map.of("supplierId", supplier, "billNumber", "GA-1", "billDate", today.toString(), "supplyType", "INTRA_STATE",
                        "lines", List.of(line("p-1", "1", "100", "18")))), 404);
        Map<String, Object> bad = problem(post("/api/v1/accounting/purchase-bills", owner, UUID.randomUUID().toString(),
                Map.of("supplierId", supplier, "billNumber", "GA-1", "billDate", today.plusDays(1).toString(), "supplyType", "INTRA_STATE",
                        "lines", List.of(line("p-1", "0", "-1", "7")))), 400);
        assertThat(bad.get("errors").toString()).contains("billDate").contains("lines[0].quantity").contains("lines[0].unitCost")
                .contains("lines[0].gstRate");
        var overpaid = new java.util.HashMap<>(good);
        overpaid.put("supplyType", "INTRA_STATE");
        overpaid.put("paidNow", Map.of("amount", "118.01", "mode", "CASH"));
        problem(post("/api/v1/accounting/purchase-bills", owner, UUID.randomUUID().toString(), overpaid), 400);   // 100 + 18 = 118.00
        problem(post("/api/v1/accounting/purchase-bills", token(shop, "CASHIER"), UUID.randomUUID().toString(), overpaid), 403);
        // a supplier in Karnataka said to be across states, when the shop's state is not known: taken as said
        var said = new java.util.HashMap<>(good);
        said.put("supplyType", "INTER_STATE");
        Map<String, Object> bill = ok(post("/api/v1/accounting/purchase-bills", owner, UUID.randomUUID().toString(), said), 201);
        assertThat(bill).containsEntry("igst", "18.00").containsEntry("total", "118.00");
        // nothing but that one bill reached the books: Inventory 100.00, input IGST 18.00, suppliers 118.00
        Map<String, BigDecimal[]> tb = trialBalance(http, shop);
        assertThat(net(tb, "1200")).isEqualByComparingTo("100.00");
        assertThat(net(tb, "1320")).isEqualByComparingTo("18.00");
        assertThat(net(tb, "2000")).isEqualByComparingTo("-118.00");
        assertThat(net(tb, "1000")).isEqualByComparingTo("0");
        http.get().uri("/api/v1/accounting/purchase-bills").headers(h -> h.setBearerAuth(owner)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
        http.get().uri("/api/v1/accounting/purchase-bills/" + UUID.randomUUID()).headers(h -> h.setBearerAuth(owner)).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void aKarnatakaSupplierCannotBeCalledInterStateInAKarnatakaShop() {
        String shop = karnatakaShop();
        String supplier = supplier(shop, "Gupta Agencies", KARNATAKA_SUPPLIER);
        Map<String, Object> p = problem(post("/api/v1/accounting/purchase-bills", owner(shop), UUID.randomUUID().toString(),
                Map.of("supplierId", supplier, "billNumber", "GA-2", "billDate", today.toString(), "supplyType", "INTER_STATE",
                        "lines", List.of(line("p-1", "1", "100", "18")))), 422);
        assertThat((String) p.get("type")).endsWith("/supply-type-mismatch");
    }

    @Test
    void racingRequestsRecordABillOnceAndNeverReturnMoreThanWasBilled() throws Exception {
        String shop = karnatakaShop();
        String supplier = supplier(shop, "Gupta Agencies", KARNATAKA_SUPPLIER);
        // eight clerks enter the same bill at once under different keys: one 201, seven 409
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> tries = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tries.add(pool.submit(() -> post("/api/v1/accounting/purchase-bills", owner(shop), UUID.randomUUID().toString(),
                        Map.of("supplierId", supplier, "billNumber", "GA-77", "billDate", today.toString(),
                                "lines", List.of(line("p-rice", "10", "50.00", "5")))).expectBody().returnResult().getStatus().value()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var t : tries) {
                statuses.add(t.get());
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(x -> x == 201).hasSize(1);
            // 10 x 50.00 = 500.00 + CGST 12.50 + SGST 12.50 = 525.00, once
            assertThat(partyBalance(shop, supplier)).isEqualTo("525.00");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> bills = http.get().uri("/api/v1/accounting/purchase-bills").headers(h -> h.setBearerAuth(owner(shop)))
                    .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
            String billId = (String) bills.get(0).get("id");

            // eight returns of 3 at once: 10 were billed, so three pass (9) and five are refused
            List<java.util.concurrent.Future<Integer>> returns = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                returns.add(pool.submit(() -> post("/api/v1/accounting/purchase-bills/" + billId + "/returns", owner(shop),
                        UUID.randomUUID().toString(), Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", "3")))).expectBody()
                        .returnResult().getStatus().value()));
            }
            statuses.clear();
            for (var t : returns) {
                statuses.add(t.get());
            }
            assertThat(statuses).containsOnly(201, 422).filteredOn(x -> x == 201).hasSize(3);
        } finally {
            pool.shutdown();
        }
        // each return of 3: 150.00 + 3.75 + 3.75 = 157.50; three of them 472.50; 525.00 - 472.50 = 52.50 still owed
        assertThat(partyBalance(shop, supplier)).isEqualTo("52.50");
        // debit notes numbered without gaps: 0001, 0002, 0003
        @SuppressWarnings("unchecked")
        List<String> notes = db.sql("SELECT debit_note FROM purchase_returns WHERE shop_id = :s ORDER BY debit_note").bind("s", shop)
                .map(r -> r.get("debit_note", String.class)).all().collectList().block();
        assertThat(notes).hasSize(3).allMatch(n -> n.matches("DN/[0-9]{2}-[0-9]{2}/000[123]"));
        assertThat(notes.stream().map(n -> n.substring(n.length() - 4)).toList()).containsExactly("0001", "0002", "0003");
        Map<String, BigDecimal[]> tb = trialBalance(http, shop);
        // Inventory 500.00 - 3 x 150.00 = 50.00
        assertThat(net(tb, "1200")).isEqualByComparingTo("50.00");
    }
}

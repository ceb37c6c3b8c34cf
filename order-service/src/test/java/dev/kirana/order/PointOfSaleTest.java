package dev.kirana.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A cashier's day at the counter, through the HTTP API: mixed carts with GST, split tenders, B2B invoices, refunds,
 * voids, loyalty and listings, with inventory played by {@link FakeInventory}.
 */
class PointOfSaleTest extends OrderServiceTestBase {
    static final String SHOP = "shop-pos-" + UUID.randomUUID();
    static final String B2B_GSTIN = "27AAPFU0939F1ZV";
    static String atta, shampoo, biscuit, rice, outOfStock;
    static final String ATTA_BARCODE = "8901" + System.nanoTime() % 1_000_000_000L;
    static TopicProbe orderTopic;

    final String cashier = token("u-cashier-a", SHOP, "CASHIER");
    final String manager = token("u-manager-a", SHOP, "MANAGER");

    @BeforeAll
    static void shopAndCatalog() {
        shop(SHOP, "Sharma General Store", "29", "29AAPFU0939F1ZU", "REGULAR");
        atta = product(SHOP, "ATTA-5", ATTA_BARCODE, "1101", "5", "245.50", true);
        shampoo = product(SHOP, "SHAMPOO", null, "3305", "18", "199.00", true);
        biscuit = product(SHOP, "BISCUIT", null, "1905", "18", "25.40", false);
        rice = product(SHOP, "RICE-1", null, "1006", "0", "62.00", false);
        outOfStock = product(SHOP, "GHEE-1", null, "0405", "5", "560.00", true);
        FakeInventory.get().serve(SHOP, Set.of(outOfStock));
        orderTopic = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.ORDER);
    }

    @AfterAll
    static void close() {
        orderTopic.close();
    }

    /** Waits until this shop's registration and every product of the test have reached order-service's replicas. */
    void ready(String token, String shopId, String... products) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(get("/api/v1/orders/settings", token).get("registrationKnown")));
        List<Map<String, Object>> lines = Arrays.stream(products).map(p -> Map.<String, Object>of("productId", p, "quantity", "1")).toList();
        // a sale the tenders cannot pay: refused for its tenders only once every product is known (nothing is written)
        await().atMost(Duration.ofSeconds(30)).until(() -> post("/api/v1/orders", token, UUID.randomUUID().toString(), null,
                Map.of("lines", lines, "tenders", List.of(Map.of("type", "CARD", "amount", "0.01"))))
                .expectBody(String.class).returnResult().getResponseBody().contains("\"field\":\"tenders\""));
    }

    Map<String, Object> sell(String token, Map<String, Object> body) {
        return body(place(token, body, "wait=15").expectStatus().isCreated());
    }

    List<CloudEvent> events(String orderId, int atLeast) {
        return eventsOf(orderTopic.awaitUntil(seen -> seen.stream().filter(r -> orderId.equals(r.key())).count() >= atLeast,
                Duration.ofSeconds(30)), orderId);
    }

    static Map<String, Object> line(String product, String qty) {
        return Map.of("productId", product, "quantity", qty);
    }

    static Map<String, Object> tender(String type, String amount) {
        return Map.of("type", type, "amount", amount);
    }

    @Test
    @SuppressWarnings("unchecked")
    void splitTenderB2BSaleInterStateWithInvoicePdfAndThermalReceipt() {
        ready(cashier, SHOP, atta, biscuit);
        Map<String, Object> sale = sell(cashier, Map.of(
                "lines", List.of(Map.of("barcode", ATTA_BARCODE, "quantity", "2"), line(biscuit, "3")),
                "customer", Map.of("name", "Patil Traders", "phone", "9876500001", "gstin", B2B_GSTIN.toLowerCase()),
                "tenders", List.of(Map.of("type", "UPI", "amount", "300", "reference", "UTR77"), tender("CASH", "500"))));
        assertThat(sale.get("status")).isEqualTo("CONFIRMED");
        assertThat((String) sale.get("invoiceNumber")).matches("INV/[0-9]{4}/[0-9]{5}").hasSizeLessThanOrEqualTo(16);
        // 491 MRP at 5% + 3 × 25.40 + 18% IGST: see SaleCalculatorTest.sameCartInterStateIsIgst
        assertThat(sale).containsEntry("documentType", "TAX_INVOICE").containsEntry("placeOfSupply", "27")
                .containsEntry("supplyType", "INTER_STATE").containsEntry("taxableValue", "543.82").containsEntry("igst", "37.10")
                .containsEntry("cgst", "0.00").containsEntry("roundOff", "0.08").containsEntry("total", "581.00")
                .containsEntry("received", "800.00").containsEntry("change", "219.00");
        assertThat(((Map<?, ?>) sale.get("customer")).get("gstin")).isEqualTo(B2B_GSTIN);
        List<?> tenders = (List<?>) sale.get("tenders");
        assertThat(((Map<String, Object>) tenders.get(1))).containsEntry("type", "CASH").containsEntry("amount", "281.00").containsEntry("change", "219.00");
        assertThat(((Map<String, Object>) ((List<?>) sale.get("lines")).get(0))).containsEntry("hsn", "1101").containsEntry("igst", "23.38");
        assertThat(((Number) sale.get("loyaltyPointsEarned")).longValue()).isEqualTo(5); // 1 point per ₹100 by default
        String id = (String) sale.get("id");

        byte[] pdf = http.get().uri("/api/v1/orders/" + id + "/invoice").headers(h -> h.setBearerAuth(cashier)).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(Pdfs.text(pdf)).contains("TAX INVOICE", (String) sale.get("invoiceNumber"), "29AAPFU0939F1ZU", B2B_GSTIN,
                "Maharashtra (27)", "1101", "1905", "IGST", "37.10", "Round off", "Rupees Five Hundred Eighty One Only");

        String receipt = http.get().uri("/api/v1/orders/" + id + "/receipt?width=58").headers(h -> h.setBearerAuth(cashier)).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(receipt.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(32));
        assertThat(receipt).contains("TOTAL Rs                  581.00", "Change                    219.00");
        http.get().uri("/api/v1/orders/" + id + "/receipt?width=72").headers(h -> h.setBearerAuth(cashier)).exchange()
                .expectStatus().isBadRequest();

        List<CloudEvent> evs = events(id, 2);
        assertThat(evs).extracting(CloudEvent::getType).containsExactly(EventTypes.ORDER_PLACED, EventTypes.ORDER_CONFIRMED);
        evs.forEach(e -> assertThat(SCHEMAS.validate(e)).isEmpty());
        OrderEvents.OrderConfirmed confirmed = KiranaEvents.data(evs.get(1), OrderEvents.OrderConfirmed.class);
        assertThat(confirmed.invoiceNumber()).isEqualTo(sale.get("invoiceNumber"));
        assertThat(confirmed.igst()).isEqualByComparingTo("37.10");
        assertThat(confirmed.customer().stateCode()).isEqualTo("27");
        assertThat(confirmed.tenders()).extracting(OrderEvents.Tender::type).containsExactly("UPI", "CASH");
        assertThat(confirmed.lines().get(1).taxableValue()).isEqualByComparingTo("76.20");
        assertThat(confirmed.cashierId()).isEqualTo("u-cashier-a");
    }

    @Test
    void outOfStockSaleIsRejectedAndHasNoInvoice() {
        ready(cashier, SHOP, outOfStock, rice);
        Map<String, Object> sale = sell(cashier, Map.of("lines", List.of(line(rice, "1"), line(outOfStock, "1"))));
        assertThat(sale.get("status")).isEqualTo("REJECTED");
        assertThat(sale.get("invoiceNumber")).isNull();
        http.get().uri("/api/v1/orders/" + sale.get("id") + "/invoice").headers(h -> h.setBearerAuth(cashier)).exchange()
                .expectStatus().isEqualTo(409).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void partialThenFullRefundWithCreditNotes() {
        ready(cashier, SHOP, atta, biscuit);
        Map<String, Object> sale = sell(cashier, Map.of("lines", List.of(line(atta, "2"), line(biscuit, "3")),
                "tenders", List.of(tender("CARD", "200"), tender("CASH", "400"))));
        assertThat(sale).containsEntry("total", "581.00").containsEntry("cgst", "18.55").containsEntry("change", "19.00");
        String id = (String) sale.get("id");
        String refunds = "/api/v1/orders/" + id + "/refunds";

        String key = UUID.randomUUID().toString();
        Map<String, Object> oneBiscuit = Map.of("lines", List.of(Map.of("lineNo", 2, "quantity", "1", "disposition", "RESTOCK")),
                "tender", "CASH", "reason", "customer changed their mind");
        Map<String, Object> first = body(post(refunds, cashier, key, null, oneBiscuit).expectStatus().isCreated());
        // 25.40 + 2.29 + 2.29 = 29.98, paid back as 30.00
        assertThat(first).containsEntry("total", "30.00").containsEntry("roundOff", "0.02").containsEntry("taxableValue", "25.40")
                .containsEntry("orderStatus", "PARTIALLY_REFUNDED").containsEntry("invoiceNumber", sale.get("invoiceNumber"));
        assertThat((String) first.get("creditNoteNumber")).matches("CN/[0-9]{4}/[0-9]{5}");
        post(refunds, cashier, key, null, oneBiscuit).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true").expectBody().jsonPath("$.id").isEqualTo(first.get("id"));

        // more than is left of the line, more than the card paid, a khata without a customer: refused, nothing written
        post(refunds, cashier, UUID.randomUUID().toString(), null, Map.of("lines", List.of(Map.of("lineNo", 2, "quantity", "3")), "tender", "CASH"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[0].quantity")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("only 2 of line 2"));
        post(refunds, cashier, UUID.randomUUID().toString(), null, Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", "2")), "tender", "CARD"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("tender");
        post(refunds, cashier, UUID.randomUUID().toString(), null, Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", "1")), "tender", "CREDIT"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("tender");
        post(refunds, cashier, UUID.randomUUID().toString(), null, Map.of("lines", List.of(Map.of("lineNo", 9, "quantity", "1")), "tender", "CASH"))
                .expectStatus().isBadRequest();
        assertThat(getList(refunds, cashier)).hasSize(1);

        Map<String, Object> rest = body(post(refunds, manager, UUID.randomUUID().toString(), null, Map.of("lines", List.of(
                        Map.of("lineNo", 1, "quantity", "2", "disposition", "WRITE_OFF"), Map.of("lineNo", 2, "quantity", "2")), "tender", "CASH"))
                .expectStatus().isCreated());
        assertThat(rest).containsEntry("total", "551.00").containsEntry("orderStatus", "REFUNDED");
        assertThat(get("/api/v1/orders/" + id, cashier)).containsEntry("status", "REFUNDED").containsEntry("refundedTotal", "581.00");
        post(refunds, cashier, UUID.randomUUID().toString(), null, oneBiscuit).expectStatus().isEqualTo(409);

        byte[] note = http.get().uri(refunds + "/" + first.get("id") + "/credit-note").headers(h -> h.setBearerAuth(cashier)).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(Pdfs.text(note)).contains("CREDIT NOTE", (String) first.get("creditNoteNumber"),
                "Against invoice: " + sale.get("invoiceNumber"), "30.00", "Rupees Thirty Only");

        List<CloudEvent> evs = events(id, 4);
        assertThat(evs).extracting(CloudEvent::getType).containsExactly(EventTypes.ORDER_PLACED, EventTypes.ORDER_CONFIRMED,
                EventTypes.ORDER_REFUNDED, EventTypes.ORDER_REFUNDED);
        evs.forEach(e -> assertThat(SCHEMAS.validate(e)).isEmpty());
        OrderEvents.OrderRefunded last = KiranaEvents.data(evs.get(3), OrderEvents.OrderRefunded.class);
        assertThat(last.fullyRefunded()).isTrue();
        assertThat(last.lines()).extracting(OrderEvents.RefundLine::disposition).containsExactly("WRITE_OFF", "RESTOCK");
        assertThat(last.lines()).extracting(l -> l.quantity().stripTrailingZeros().toPlainString()).containsExactly("2", "2");
        assertThat(last.tender().type()).isEqualTo("CASH");

        // each refund once on the audit trail, with its amount and reason; the refused ones and the replay not at all
        var audit = audit(SHOP, id);
        assertThat(audit).extracting(dev.kirana.events.AuditEvents.AuditRecorded::action).containsExactly("order.refunded", "order.refunded");
        assertThat(audit.get(0).actorId()).isEqualTo("u-cashier-a");
        assertThat(audit.get(0).actorRole()).isEqualTo("CASHIER");
        assertThat(audit.get(0).entityType()).isEqualTo("order");
        assertThat(audit.get(0).before().get("total").asString()).isEqualTo("581.00");
        assertThat(new BigDecimal(audit.get(0).before().get("refundedTotal").asString())).isEqualByComparingTo("0");
        assertThat(audit.get(0).after().get("amount").asString()).isEqualTo("30.00");
        assertThat(audit.get(0).after().get("reason").asString()).isEqualTo("customer changed their mind");
        assertThat(audit.get(0).after().get("creditNoteNumber").asString()).isEqualTo(first.get("creditNoteNumber"));
        // 30.00 refunded before, 551.00 now: 581.00 in all
        assertThat(audit.get(1).actorId()).isEqualTo("u-manager-a");
        assertThat(new BigDecimal(audit.get(1).before().get("refundedTotal").asString())).isEqualByComparingTo("30.00");
        assertThat(audit.get(1).after().get("amount").asString()).isEqualTo("551.00");
    }

    @Test
    void managerVoidsAConfirmedSale() {
        ready(cashier, SHOP, shampoo);
        Map<String, Object> sale = sell(cashier, Map.of("lines", List.of(line(shampoo, "1")), "tenders", List.of(tender("UPI", "199"))));
        String id = (String) sale.get("id");
        String uri = "/api/v1/orders/" + id + "/void";
        post(uri, cashier, UUID.randomUUID().toString(), null, Map.of("reason", "wrong item")).expectStatus().isForbidden();
        post(uri, manager, null, null, Map.of("reason", "wrong item")).expectStatus().isBadRequest();
        post(uri, manager, UUID.randomUUID().toString(), null, Map.of()).expectStatus().isBadRequest();
        post(uri, token("u-mgr-x", "shop-elsewhere", "MANAGER"), UUID.randomUUID().toString(), null, Map.of("reason", "x"))
                .expectStatus().isNotFound();
        post(uri, manager, UUID.randomUUID().toString(), null, Map.of("reason", "wrong item")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("VOIDED").jsonPath("$.voidedBy").isEqualTo("u-manager-a");
        post(uri, manager, UUID.randomUUID().toString(), null, Map.of("reason", "again")).expectStatus().isEqualTo(409);
        post("/api/v1/orders/" + id + "/refunds", cashier, UUID.randomUUID().toString(), null,
                Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", "1")), "tender", "CASH")).expectStatus().isEqualTo(409);

        List<CloudEvent> evs = events(id, 3);
        assertThat(evs).extracting(CloudEvent::getType).containsExactly(EventTypes.ORDER_PLACED, EventTypes.ORDER_CONFIRMED, EventTypes.ORDER_VOIDED);
        assertThat(SCHEMAS.validate(evs.get(2))).isEmpty();
        OrderEvents.OrderVoided voided = KiranaEvents.data(evs.get(2), OrderEvents.OrderVoided.class);
        assertThat(voided.invoiceNumber()).isEqualTo(sale.get("invoiceNumber"));
        assertThat(voided.lines()).singleElement().satisfies(l -> {
            assertThat(l.productId()).isEqualTo(shampoo);
            assertThat(l.quantity()).isEqualByComparingTo("1");
        });
        assertThat(voided.total()).isEqualByComparingTo("199.00");
        // one audit record, the manager's; the refused attempts (cashier, no key, no reason, another shop, twice) none
        var audit = audit(SHOP, id);
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("order.voided");
            assertThat(a.actorId()).isEqualTo("u-manager-a");
            assertThat(a.actorRole()).isEqualTo("MANAGER");
            assertThat(a.sourceService()).isEqualTo("order-service");
            assertThat(a.before().get("status").asString()).isEqualTo("CONFIRMED");
            assertThat(a.after().get("status").asString()).isEqualTo("VOIDED");
            assertThat(a.after().get("reason").asString()).isEqualTo("wrong item");
            assertThat(a.after().get("total").asString()).isEqualTo("199.00");
            assertThat(a.after().get("invoiceNumber").asString()).isEqualTo(sale.get("invoiceNumber"));
        });
        assertThat(Pdfs.text(http.get().uri("/api/v1/orders/" + id + "/invoice").headers(h -> h.setBearerAuth(cashier)).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody())).contains("VOID");
    }

    @Test
    void compositionShopIssuesABillOfSupply() {
        String shop = "shop-comp-" + UUID.randomUUID();
        String owner = token("u-owner-c", shop, "OWNER");
        shop(shop, "Gupta Kirana", "29", "29AAPFU0939F1ZU", "COMPOSITION");
        String milk = product(shop, "MILK-1", null, "0401", "5", "48.00", true);
        FakeInventory.get().serve(shop, Set.of());
        ready(owner, shop, milk);
        assertThat(get("/api/v1/orders/settings", owner)).containsEntry("registrationType", "COMPOSITION")
                .containsEntry("documentType", "BILL_OF_SUPPLY");
        Map<String, Object> sale = sell(owner, Map.of("lines", List.of(line(milk, "2"))));
        assertThat(sale).containsEntry("status", "CONFIRMED").containsEntry("documentType", "BILL_OF_SUPPLY")
                .containsEntry("total", "96.00").containsEntry("taxableValue", "96.00").containsEntry("cgst", "0.00");
        String text = Pdfs.text(http.get().uri("/api/v1/orders/" + sale.get("id") + "/invoice").headers(h -> h.setBearerAuth(owner))
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody());
        assertThat(text).contains("BILL OF SUPPLY", "Composition taxable person, not eligible to collect tax on supplies").doesNotContain("CGST");
        place(owner, Map.of("lines", List.of(line(milk, "1")), "placeOfSupply", "27"), null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("placeOfSupply");
    }

    @Test
    void badSalesAreProblemsAndNothingIsWritten() {
        ready(cashier, SHOP, atta, biscuit);
        int before = getList("/api/v1/orders?size=200", cashier).size();
        Map<String, String> refused = new HashMap<>();
        refused.put("lines[0].discount", "{\"lines\":[{\"productId\":\"" + atta + "\",\"quantity\":\"1\",\"discount\":\"245.51\"}]}");
        refused.put("discount", "{\"lines\":[{\"productId\":\"" + atta + "\",\"quantity\":\"1\"}],\"discount\":\"300\"}");
        refused.put("tenders", "{\"lines\":[{\"productId\":\"" + atta + "\",\"quantity\":\"1\"}],\"tenders\":[{\"type\":\"CASH\",\"amount\":\"100\"}]}");
        refused.put("tenders ", "{\"lines\":[{\"productId\":\"" + atta + "\",\"quantity\":\"1\"}],\"tenders\":[{\"type\":\"CARD\",\"amount\":\"300\"}]}");
        refused.put("tenders[0].type", "{\"lines\":[{\"productId\":\"" + atta + "\",\"quantity\":\"1\"}],\"tenders\":[{\"type\":\"CREDIT\",\"amount\":\"246\"}]}");
        refused.put("customer.gstin", "{\"lines\":[{\"productId\":\"" + atta + "\",\"quantity\":\"1\"}],\"customer\":{\"gstin\":\"27AAPFU0939F1ZA\"}}");
        refused.put("placeOfSupply", "{\"lines\":[{\"productId\":\"" + atta + "\",\"quantity\":\"1\"}],\"placeOfSupply\":\"29\",\"customer\":{\"gstin\":\"" + B2B_GSTIN + "\"}}");
        refused.put("tenders  ", "{\"lines\":[{\"productId\":\"" + atta + "\",\"quantity\":\"1\"}],\"customer\":{\"phone\":\"9000000001\"},\"tenders\":[{\"type\":\"LOYALTY\",\"amount\":\"10\"},{\"type\":\"CASH\",\"amount\":\"300\"}]}");
        refused.put("lines[0].quantity", "{\"lines\":[{\"productId\":\"" + atta + "\",\"quantity\":\"-1\"}]}");
        refused.put("lines[0].discount ", "{\"lines\":[{\"productId\":\"" + atta + "\",\"quantity\":\"1\",\"discount\":\"-5\"}]}");
        refused.forEach((field, body) -> http.post().uri("/api/v1/orders").headers(h -> {
                    h.setBearerAuth(cashier);
                    h.set("Idempotency-Key", UUID.randomUUID().toString());
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field.trim()));
        // an unknown tender type is not even JSON for this endpoint
        http.post().uri("/api/v1/orders").headers(h -> { h.setBearerAuth(cashier); h.set("Idempotency-Key", UUID.randomUUID().toString()); })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"lines\":[{\"productId\":\"" + atta + "\",\"quantity\":\"1\"}],\"tenders\":[{\"type\":\"BITCOIN\",\"amount\":\"300\"}]}")
                .exchange().expectStatus().isBadRequest();
        assertThat(getList("/api/v1/orders?size=200", cashier)).hasSize(before);
    }

    @Test
    void salesAreListedByDateStatusCashierCustomerAndTender() {
        ready(cashier, SHOP, rice);
        String otherCashier = token("u-cashier-b", SHOP, "CASHIER");
        String phone = "98765" + (System.nanoTime() % 100000);
        // the shop's day before and after selling: they differ only when the test runs across midnight in India
        String dayBefore = LocalDate.now(ZoneId.of("Asia/Kolkata")).toString();
        String upiSale = (String) sell(cashier, Map.of("lines", List.of(line(rice, "1")), "customer", Map.of("name", "Meena Iyer", "phone", phone),
                "tenders", List.of(tender("UPI", "62")))).get("id");
        String cashSale = (String) sell(otherCashier, Map.of("lines", List.of(line(rice, "2")))).get("id");
        String dayAfter = LocalDate.now(ZoneId.of("Asia/Kolkata")).toString();
        assertThat(ids("/api/v1/orders?tender=UPI&size=200")).contains(upiSale).doesNotContain(cashSale);
        assertThat(ids("/api/v1/orders?customer=" + phone)).containsExactly(upiSale);
        assertThat(ids("/api/v1/orders?customer=meena")).contains(upiSale).doesNotContain(cashSale);
        assertThat(ids("/api/v1/orders?cashierId=u-cashier-b&size=200")).contains(cashSale).doesNotContain(upiSale);
        assertThat(ids("/api/v1/orders?status=CONFIRMED&from=" + dayBefore + "&to=" + dayAfter + "&size=200")).contains(upiSale, cashSale);
        assertThat(ids("/api/v1/orders?from=" + LocalDate.parse(dayAfter).plusDays(1))).isEmpty();
        assertThat(ids("/api/v1/orders?status=REJECTED&size=200")).doesNotContain(upiSale, cashSale);
        List<String> newestFirst = ids("/api/v1/orders?size=2");
        assertThat(newestFirst).containsExactly(cashSale, upiSale);
        http.get().uri("/api/v1/orders?from=2026-04-02&to=2026-04-01").headers(h -> h.setBearerAuth(cashier)).exchange()
                .expectStatus().isBadRequest();
        http.get().uri("/api/v1/orders?tender=BITCOIN").headers(h -> h.setBearerAuth(cashier)).exchange().expectStatus().isBadRequest();

        // a cashier lists only their own sales, and may not ask for another cashier's
        List<String> own = getList("/api/v1/orders?size=200", cashier).stream().map(o -> (String) ((Map<?, ?>) o).get("id")).toList();
        assertThat(own).contains(upiSale).doesNotContain(cashSale);
        http.get().uri("/api/v1/orders?cashierId=u-cashier-b").headers(h -> h.setBearerAuth(cashier)).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.status").isEqualTo(403);
        // ... but opens any sale of the shop by its id (a customer returning what another cashier sold)
        http.get().uri("/api/v1/orders/" + cashSale).headers(h -> h.setBearerAuth(cashier)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(cashSale);
    }

    /** Orders as the manager lists them (all cashiers'). */
    List<String> ids(String uri) {
        return getList(uri, manager).stream().map(o -> (String) ((Map<?, ?>) o).get("id")).toList();
    }

    @Test
    void loyaltyPointsAreEarnedOnSalesAndRedeemedAsATender() {
        String shop = "shop-loyal-" + UUID.randomUUID();
        String owner = token("u-owner-l", shop, "OWNER");
        shop(shop, "Loyal Mart", "29", null, "REGULAR");
        String atta2 = product(shop, "ATTA-5", null, "1101", "5", "245.50", true);
        FakeInventory.get().serve(shop, Set.of());
        ready(owner, shop, atta2);
        http.put().uri("/api/v1/orders/settings").headers(h -> h.setBearerAuth(token("u-cash-l", shop, "CASHIER")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("invoicePrefix", "LM", "creditNotePrefix", "LMCN",
                        "loyaltyPointsPer100", "10", "loyaltyPointValue", "0.50")).exchange().expectStatus().isForbidden();
        http.put().uri("/api/v1/orders/settings").headers(h -> h.setBearerAuth(owner)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("invoicePrefix", "LM", "creditNotePrefix", "LM", "loyaltyPointsPer100", "10", "loyaltyPointValue", "0.50"))
                .exchange().expectStatus().isBadRequest();
        http.put().uri("/api/v1/orders/settings").headers(h -> h.setBearerAuth(owner)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("invoicePrefix", "LM", "creditNotePrefix", "LMCN", "loyaltyPointsPer100", "10", "loyaltyPointValue", "0.50"))
                .exchange().expectStatus().isOk();
        String phone = "9123456789";
        Map<String, Object> customer = Map.of("name", "Ravi", "phone", phone);

        Map<String, Object> first = sell(owner, Map.of("lines", List.of(line(atta2, "2")), "customer", customer));
        assertThat((String) first.get("invoiceNumber")).startsWith("LM/");
        assertThat(((Number) first.get("loyaltyPointsEarned")).longValue()).isEqualTo(49); // 491 × 10 / 100
        assertThat(get("/api/v1/orders/loyalty/" + phone, owner)).containsEntry("points", 49).containsEntry("worth", "24.50");

        // 40 points pay ₹20; the rest in cash; the cash part (471) earns 47
        Map<String, Object> second = sell(owner, Map.of("lines", List.of(line(atta2, "2")), "customer", customer,
                "tenders", List.of(tender("LOYALTY", "20"), tender("CASH", "471"))));
        assertThat(second).containsEntry("status", "CONFIRMED").containsEntry("loyaltyPointsRedeemed", 40).containsEntry("loyaltyPointsEarned", 47);
        assertThat(get("/api/v1/orders/loyalty/" + phone, owner)).containsEntry("points", 56);

        place(owner, Map.of("lines", List.of(line(atta2, "2")), "customer", customer,
                "tenders", List.of(tender("LOYALTY", "100"), tender("CASH", "391"))), null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("has 56 loyalty points"));

        post("/api/v1/orders/" + second.get("id") + "/void", owner, UUID.randomUUID().toString(), null, Map.of("reason", "test"))
                .expectStatus().isOk();
        // the void takes back the 47 earned and gives back the 40 spent
        assertThat(get("/api/v1/orders/loyalty/" + phone, owner)).containsEntry("points", 49);
    }

    @Test
    void loyaltyEventsCarryTheRupeeValueOfThePointsAtTheValueTheyWereEarnedAt() {
        String shop = "shop-loyal-value-" + UUID.randomUUID();
        String owner = token("u-owner-v", shop, "OWNER");
        shop(shop, "Value Mart", "29", null, "REGULAR");
        String atta2 = product(shop, "ATTA-5", null, "1101", "5", "245.50", true);
        FakeInventory.get().serve(shop, Set.of());
        ready(owner, shop, atta2);
        settings(owner, "0.50");
        Map<String, Object> customer = Map.of("name", "Meena", "phone", "9123400001");

        // 2 × 245.50 = 491.00 in cash earns 491 × 10 / 100 = 49 points (rounded down), worth 49 × 0.50 = ₹24.50
        Map<String, Object> first = sell(owner, Map.of("lines", List.of(line(atta2, "2")), "customer", customer));
        String firstId = (String) first.get("id");
        // 40 points pay ₹20.00; the cash part 491 - 20 = 471 earns 47 points, worth 47 × 0.50 = ₹23.50
        Map<String, Object> second = sell(owner, Map.of("lines", List.of(line(atta2, "2")), "customer", customer,
                "tenders", List.of(tender("LOYALTY", "20"), tender("CASH", "471"))));
        String secondId = (String) second.get("id");
        // a sale naming no customer earns nothing: ₹0.00
        Map<String, Object> walkIn = sell(owner, Map.of("lines", List.of(line(atta2, "1"))));
        post("/api/v1/orders/" + secondId + "/void", owner, UUID.randomUUID().toString(), null, Map.of("reason", "test"))
                .expectStatus().isOk();

        // the shop now values a point at ₹1.00; the first sale's points go back at the ₹0.50 they were earned at:
        // returning 1 of 2 (245.50 of 491.00) takes back 49 × 245.50 / 491.00 = 24.5 → 24 points, 24 × 0.50 = ₹12.00
        settings(owner, "1.00");
        post("/api/v1/orders/" + firstId + "/refunds", owner, UUID.randomUUID().toString(), null,
                Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", "1")), "tender", "CASH")).expectStatus().isCreated();

        List<CloudEvent> firstEvents = events(firstId, 3);
        List<CloudEvent> secondEvents = events(secondId, 3);
        List<CloudEvent> walkInEvents = events((String) walkIn.get("id"), 2);
        assertThat(firstEvents).extracting(CloudEvent::getType)
                .containsExactly(EventTypes.ORDER_PLACED, EventTypes.ORDER_CONFIRMED, EventTypes.ORDER_REFUNDED);
        assertThat(secondEvents).extracting(CloudEvent::getType)
                .containsExactly(EventTypes.ORDER_PLACED, EventTypes.ORDER_CONFIRMED, EventTypes.ORDER_VOIDED);
        firstEvents.forEach(e -> assertThat(SCHEMAS.validate(e)).isEmpty());
        secondEvents.forEach(e -> assertThat(SCHEMAS.validate(e)).isEmpty());
        walkInEvents.forEach(e -> assertThat(SCHEMAS.validate(e)).isEmpty());

        OrderEvents.OrderConfirmed firstSale = KiranaEvents.data(firstEvents.get(1), OrderEvents.OrderConfirmed.class);
        assertThat(firstSale.loyaltyPointsEarned()).isEqualTo(49L);
        assertThat(firstSale.loyaltyValueEarned()).isEqualByComparingTo("24.50");
        OrderEvents.OrderRefunded refund = KiranaEvents.data(firstEvents.get(2), OrderEvents.OrderRefunded.class);
        assertThat(refund.loyaltyPointsReversed()).isEqualTo(24L);
        assertThat(refund.loyaltyValueReversed()).isEqualByComparingTo("12.00");

        OrderEvents.OrderConfirmed secondSale = KiranaEvents.data(secondEvents.get(1), OrderEvents.OrderConfirmed.class);
        assertThat(secondSale.loyaltyPointsEarned()).isEqualTo(47L);
        assertThat(secondSale.loyaltyValueEarned()).isEqualByComparingTo("23.50");
        assertThat(secondSale.tenders()).filteredOn(t -> t.type().equals("LOYALTY")).singleElement()
                .satisfies(t -> assertThat(t.points()).isEqualTo(40L));
        OrderEvents.OrderVoided voided = KiranaEvents.data(secondEvents.get(2), OrderEvents.OrderVoided.class);
        assertThat(voided.loyaltyPointsReversed()).isEqualTo(47L);
        assertThat(voided.loyaltyValueReversed()).isEqualByComparingTo("23.50");

        OrderEvents.OrderConfirmed walkInSale = KiranaEvents.data(walkInEvents.get(1), OrderEvents.OrderConfirmed.class);
        assertThat(walkInSale.loyaltyPointsEarned()).isZero();
        assertThat(walkInSale.loyaltyValueEarned()).isEqualByComparingTo("0.00");
    }

    void settings(String owner, String pointValue) {
        http.put().uri("/api/v1/orders/settings").headers(h -> h.setBearerAuth(owner)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("invoicePrefix", "VM", "creditNotePrefix", "VMCN", "loyaltyPointsPer100", "10",
                        "loyaltyPointValue", pointValue))
                .exchange().expectStatus().isOk();
    }

    @Test
    void invoiceNumbersStayConsecutiveUnderConcurrentSales() throws Exception {
        String shop = "shop-rush-" + UUID.randomUUID();
        String till = token("u-till", shop, "CASHIER");
        shop(shop, "Rush Hour Stores", "29", null, "REGULAR");
        String soap = product(shop, "SOAP-1", null, "3401", "18", "40.00", true);
        String gone = product(shop, "GONE-1", null, "3401", "18", "40.00", true);
        FakeInventory.get().serve(shop, Set.of(gone));
        ready(till, shop, soap, gone);
        int orders = 24;
        List<Thread> threads = new ArrayList<>();
        List<String> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < orders; i++) {
            String product = i % 4 == 3 ? gone : soap; // every fourth sale is rejected: it must not take a number
            Thread t = new Thread(() -> statuses.add((String) place(till, Map.of("lines", List.of(line(product, "1"))), "wait=20")
                    .expectBody(Map.class).returnResult().getResponseBody().get("status")));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join(60_000);
        assertThat(statuses).hasSize(orders).allMatch(s -> s.equals("CONFIRMED") || s.equals("REJECTED"));
        List<String> numbers = getList("/api/v1/orders?status=CONFIRMED&size=200", till).stream()
                .map(o -> (String) ((Map<?, ?>) o).get("invoiceNumber")).sorted().toList();
        long confirmed = statuses.stream().filter("CONFIRMED"::equals).count();
        assertThat(numbers).hasSize((int) confirmed).doesNotHaveDuplicates();
        String series = numbers.get(0).substring(0, numbers.get(0).lastIndexOf('/') + 1);
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).isEqualTo(series + String.format("%05d", i + 1));
        }
    }
}

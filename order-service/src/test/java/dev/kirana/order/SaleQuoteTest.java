package dev.kirana.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.CatalogEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.Topics;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code POST /api/v1/orders/quote}: a sale priced as placing would price it, with nothing written; refused as placing
 * refuses it.
 */
class SaleQuoteTest extends OrderServiceTestBase {
    static final String SHOP = "shop-quote-" + UUID.randomUUID();
    static final String TEA_BARCODE = "8902" + System.nanoTime() % 1_000_000_000L;
    static String tea, biscuit, archived;

    final String cashier = token("u-cashier-q", SHOP, "CASHIER");
    final String auditor = token("u-auditor-q", SHOP, "AUDITOR");

    @Autowired
    DatabaseClient db;

    @BeforeAll
    static void shopAndCatalog() {
        shop(SHOP, "Ganesh Kirana", "29", "29AAPFU0939F1ZU", "REGULAR");
        tea = product(SHOP, "TEA-250", TEA_BARCODE, "0902", "5", "48.00", true);
        biscuit = product(SHOP, "BISCUIT-Q", null, "1905", "18", "25.40", false);
        archived = UUID.randomUUID().toString();
        publish(Topics.CATALOG, archived, SHOP, EventTypes.PRODUCT_CREATED, new CatalogEvents.ProductChanged(archived,
                "OLD-SOAP", null, "Old soap", "3401", new BigDecimal("18"), new BigDecimal("30.00"), null, true, "PCS", false, 1));
        FakeInventory.get().serve(SHOP, Set.of());
    }

    WebTestClient.ResponseSpec quote(String token, Object body) {
        return post("/api/v1/orders/quote", token, null, null, body);
    }

    /** Waits until the shop's registration and the products have reached order-service's replicas. */
    void ready() {
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(get("/api/v1/orders/settings", cashier).get("registrationKnown")));
        for (String p : List.of(tea, biscuit, archived)) {
            // a quote the tenders cannot pay (or of the archived product) is refused for that only once the product is known
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                String problem = quote(cashier, Map.of("lines", List.of(Map.of("productId", p, "quantity", "1")),
                        "tenders", List.of(Map.of("type", "CARD", "amount", "0.01"))))
                        .expectBody(String.class).returnResult().getResponseBody();
                return problem.contains("\"field\":\"tenders\"") || problem.contains("is archived");
            });
        }
    }

    long ordersOfShop() {
        return db.sql("SELECT count(*) AS n FROM orders WHERE shop_id = :shop").bind("shop", SHOP)
                .map(r -> r.get("n", Long.class)).one().block();
    }

    static Map<String, Object> cart(List<Map<String, Object>> tenders) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "lines", List.of(Map.of("barcode", TEA_BARCODE, "quantity", "3", "discountPercent", "10"),
                        Map.of("productId", biscuit, "quantity", "2")),
                "customer", Map.of("name", "Asha", "phone", "9876500042")));
        if (tenders != null) {
            body.put("tenders", tenders);
        }
        return body;
    }

    static final List<Map<String, Object>> UPI_AND_CASH = List.of(
            Map.of("type", "UPI", "amount", "100", "reference", "UTR4589"), Map.of("type", "CASH", "amount", "100"));

    @Test
    @SuppressWarnings("unchecked")
    void aQuotePricesTheSaleAsPlacingWouldAndWritesNothing() {
        ready();
        assertThat(getList("/api/v1/orders", cashier)).isEmpty();

        /*
         * By hand, shop in Karnataka (29), no place of supply given: intra-state, CGST + SGST, each half the rate,
         * every tax to the paise half up (GstCalculator), the invoice rounded to the rupee half up.
         *
         * Line 1, tea: 3 × 48.00, tax included, 5 %, 10 % off.
         *   gross 144.00; discount 14.40; the customer pays 129.60 for it.
         *   base 129.60 × 100 / 105 = 123.428… → 123.43; CGST = SGST = 123.43 × 2.5 % = 3.08575 → 3.09 each;
         *   taxable value = 129.60 − 3.09 − 3.09 = 123.42 (the paisa of rounding lands in the taxable value,
         *   CGST and SGST stay equal); line total 129.60.
         * Line 2, biscuit: 2 × 25.40, tax extra, 18 %.
         *   gross 50.80; no discount; taxable 50.80; CGST = SGST = 50.80 × 9 % = 4.572 → 4.57 each; line total 59.94.
         * Sale: gross 194.80; discount 14.40; taxable 123.42 + 50.80 = 174.22; CGST = SGST = 3.09 + 4.57 = 7.66;
         *   exact total 174.22 + 7.66 + 7.66 = 189.54 → payable 190.00, round-off +0.46.
         * Tenders UPI 100 + cash 100: received 200.00; change 10.00, out of the cash, which settles 90.00.
         */
        Map<String, Object> q = body(quote(cashier, cart(UPI_AND_CASH)).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        assertThat(q).containsEntry("documentType", "TAX_INVOICE").containsEntry("supplyType", "INTRA_STATE")
                .containsEntry("placeOfSupply", "29").containsEntry("currency", "INR")
                .containsEntry("gross", "194.80").containsEntry("discount", "14.40").containsEntry("taxableValue", "174.22")
                .containsEntry("cgst", "7.66").containsEntry("sgst", "7.66").containsEntry("igst", "0.00")
                .containsEntry("roundOff", "0.46").containsEntry("total", "190.00")
                .containsEntry("received", "200.00").containsEntry("change", "10.00");
        assertThat(((Number) q.get("loyaltyPointsRedeemed")).longValue()).isZero();
        assertThat(q).doesNotContainKeys("id", "status", "invoiceNumber");
        assertThat((Map<String, Object>) q.get("customer")).containsEntry("name", "Asha").containsEntry("phone", "9876500042");
        List<Map<String, Object>> lines = (List<Map<String, Object>>) q.get("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).containsEntry("lineNo", 1).containsEntry("productId", tea).containsEntry("hsn", "0902")
                .containsEntry("quantity", "3.000")
                .containsEntry("unitPrice", "48.00").containsEntry("taxInclusive", true)
                .containsEntry("gross", "144.00").containsEntry("discount", "14.40").containsEntry("taxableValue", "123.42")
                .containsEntry("cgst", "3.09").containsEntry("sgst", "3.09").containsEntry("igst", "0.00")
                .containsEntry("lineTotal", "129.60");
        assertThat(new BigDecimal((String) lines.get(0).get("gstRate"))).isEqualByComparingTo("5");
        assertThat(lines.get(1)).containsEntry("lineNo", 2).containsEntry("productId", biscuit).containsEntry("taxInclusive", false)
                .containsEntry("gross", "50.80").containsEntry("discount", "0.00").containsEntry("taxableValue", "50.80")
                .containsEntry("cgst", "4.57").containsEntry("sgst", "4.57").containsEntry("lineTotal", "59.94");
        List<Map<String, Object>> tenders = (List<Map<String, Object>>) q.get("tenders");
        assertThat(tenders).hasSize(2);
        assertThat(tenders.get(0)).containsEntry("type", "UPI").containsEntry("tendered", "100.00").containsEntry("amount", "100.00")
                .containsEntry("change", "0.00").containsEntry("reference", "UTR4589");
        assertThat(tenders.get(1)).containsEntry("type", "CASH").containsEntry("tendered", "100.00").containsEntry("amount", "90.00")
                .containsEntry("change", "10.00");

        // before the cashier takes tenders: the same figures, no tenders, nothing received yet
        Map<String, Object> untendered = body(quote(cashier, cart(null)).expectStatus().isOk());
        assertThat(untendered).containsEntry("total", "190.00").containsEntry("roundOff", "0.46").containsEntry("taxableValue", "174.22");
        assertThat((List<?>) untendered.get("tenders")).isEmpty();
        assertThat(untendered.get("received")).isNull();
        assertThat(untendered.get("change")).isNull();

        // nothing was written: no order for the shop, in the API or in the table
        assertThat(getList("/api/v1/orders", cashier)).isEmpty();
        assertThat(ordersOfShop()).isZero();

        // placing the same sale gives the figures the quote gave
        Map<String, Object> sale = body(place(cashier, cart(UPI_AND_CASH), "wait=15").expectStatus().isCreated());
        assertThat(sale).containsEntry("status", "CONFIRMED");
        for (String field : List.of("gross", "discount", "taxableValue", "cgst", "sgst", "igst", "roundOff", "total",
                "received", "change", "placeOfSupply", "supplyType", "documentType")) {
            assertThat(sale.get(field)).as(field).isEqualTo(q.get(field));
        }
        assertThat(sale.get("lines")).isEqualTo(q.get("lines"));
        assertThat(sale.get("tenders")).isEqualTo(q.get("tenders"));
        assertThat(getList("/api/v1/orders", cashier)).hasSize(1);
    }

    @Test
    void aQuoteIsRefusedAsPlacingIsRefused() {
        ready();
        // 190.00 due (see above), 189.00 tendered
        quote(cashier, cart(List.of(Map.of("type", "CASH", "amount", "189"))))
                .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("tenders")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("189.00", "190.00"));

        quote(cashier, Map.of("lines", List.of(Map.of("productId", UUID.randomUUID().toString(), "quantity", "1"))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[0].productId");
        quote(cashier, Map.of("lines", List.of(Map.of("productId", tea, "quantity", "1"), Map.of("barcode", "0000000000000", "quantity", "1"))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[1].barcode");
        quote(cashier, Map.of("lines", List.of(Map.of("productId", archived, "quantity", "1"))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[0]")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("archived"));
        quote(cashier, Map.of("lines", List.of(Map.of("productId", tea, "quantity", "1")),
                "customer", Map.of("name", "Patil Traders", "gstin", "27AAPFU0939F1ZX")))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("customer.gstin");
        quote(cashier, Map.of("lines", List.of(Map.of("productId", tea, "quantity", "1")),
                "tenders", List.of(Map.of("type", "CREDIT", "amount", "48"))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("tenders[0].type");
        quote(cashier, Map.of("lines", List.of(Map.of("productId", tea, "quantity", "0"))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[0].quantity");
        quote(auditor, cart(null)).expectStatus().isForbidden();
        quote(cashier, new java.util.HashMap<>(Map.of("lines", List.of(Map.of("productId", tea, "quantity", "1")),
                "creditOverride", true))).expectStatus().isForbidden();
    }

    @Test
    void theQuoteIsInTheOpenApiDocument() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/orders/quote'].post.summary").isEqualTo("Price a sale without placing it")
                .jsonPath("$.paths['/api/v1/orders/quote'].post.responses['200']").exists()
                .jsonPath("$.paths['/api/v1/orders/quote'].post.responses['400']").exists();
    }
}

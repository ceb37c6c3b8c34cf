package dev.kirana.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.order.einvoice.IrnSchema;
import dev.kirana.order.invoice.InvoiceRenderingTest;
import dev.kirana.order.upi.Qr;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A Pune shop (27AAPFU0939F1ZV) that declared ₹6.2 crore of turnover registers a B2B sale to a Bengaluru buyer on the
 * sandbox portal: 2 × basmati rice 25 kg at ₹1500.00 before 5 % GST, ₹100.00 off: taxable 3000.00 − 100.00 = 2900.00,
 * IGST 2900.00 × 5 % = 145.00, invoice 3045.00 (no round-off).
 */
class EInvoiceTest extends OrderServiceTestBase {
    static final String SELLER = "27AAPFU0939F1ZV";
    static final String BUYER = "29AAKFK1234L1Z3";
    final String shop = "shop-einv-" + UUID.randomUUID();
    final String owner = token("u-owner-e", shop, "OWNER");
    final String manager = token("u-manager-e", shop, "MANAGER");
    final String cashier = token("u-cashier-e", shop, "CASHIER");
    final String auditor = token("u-auditor-e", shop, "AUDITOR");
    static final Map<String, Object> SETTINGS = Map.of("enabled", true, "previousYearTurnover", "62000000.00",
            "legalName", "Sharma General Store Private Limited", "address1", "14 Station Road", "location", "Pune",
            "pinCode", "411001");
    static final Map<String, Object> BUYER_ADDRESS = Map.of("address1", "Shop 4, Market Yard", "location", "Bengaluru",
            "pinCode", "560002");
    static final String BUYER_QUERY = "?buyerAddress1=Shop%204%2C%20Market%20Yard&buyerLocation=Bengaluru&buyerPinCode=560002";

    WebTestClient.ResponseSpec call(String method, String uri, String token, Object body) {
        var spec = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri).headers(h -> h.setBearerAuth(token));
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    String sell(Map<String, Object> customer, String rice) {
        Map<String, Object> order = new java.util.HashMap<>(Map.of("lines",
                List.of(Map.of("productId", rice, "quantity", "2", "discount", "100.00"))));
        if (customer != null) order.put("customer", customer);
        Map<String, Object> sale = body(place(owner, order, "wait=15").expectStatus().isCreated());
        assertThat(sale.get("status")).isEqualTo("CONFIRMED");
        return (String) sale.get("id");
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aB2bSaleIsRegisteredOnceAndItsInvoicePrintsTheSignedQrCode() throws Exception {
        shop(shop, "Sharma General Store", "27", SELLER, "REGULAR");
        String rice = product(shop, "RICE-25", null, "100630", "5", "1500.00", false);
        FakeInventory.get().serve(shop, Set.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(get("/api/v1/orders/settings", owner).get("registrationKnown")));

        // settings: the owner's; off until set
        assertThat(get("/api/v1/orders/settings/e-invoice", auditor)).containsEntry("enabled", false)
                .containsEntry("turnoverThreshold", "50000000.00");
        call("PUT", "/api/v1/orders/settings/e-invoice", manager, SETTINGS).expectStatus().isForbidden();
        call("PUT", "/api/v1/orders/settings/e-invoice", owner, Map.of("enabled", true, "previousYearTurnover", "62000000.00",
                "pinCode", "041100")).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("pinCode");

        await().atMost(Duration.ofSeconds(30)).until(() -> http.post().uri("/api/v1/orders/quote").headers(h -> h.setBearerAuth(owner))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("lines", List.of(Map.of("productId", rice, "quantity", "1"))))
                .exchange().returnResult(String.class).getStatus().is2xxSuccessful());
        String b2b = sell(Map.of("name", "Kulkarni Traders", "gstin", BUYER), rice);
        String b2c = sell(null, rice);

        // e-invoicing off: not applicable
        call("GET", "/api/v1/orders/" + b2b + "/e-invoice/request" + BUYER_QUERY, owner, null).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/e-invoice-not-applicable");
        call("PUT", "/api/v1/orders/settings/e-invoice", owner, SETTINGS).expectStatus().isOk()
                .expectBody().jsonPath("$.pinCode").isEqualTo("411001").jsonPath("$.turnoverThreshold").isEqualTo("50000000.00");
        // the change is on the audit trail with before and after; the refused ones (a manager, a bad PIN code) are not
        assertThat(audit(shop, shop)).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("settings.changed");
            assertThat(a.entityType()).isEqualTo("e-invoice-settings");
            assertThat(a.actorId()).isEqualTo("u-owner-e");
            assertThat(a.before().get("enabled").asBoolean()).isFalse();
            assertThat(a.after().get("enabled").asBoolean()).isTrue();
            assertThat(a.after().get("previousYearTurnover").asString()).isEqualTo("62000000.00");
            assertThat(a.after().get("pinCode").asString()).isEqualTo("411001");
        });

        // the buyer's address is the e-invoice's to give: missing, each field is named
        call("GET", "/api/v1/orders/" + b2b + "/e-invoice/request", owner, null).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/e-invoice-incomplete")
                .jsonPath("$.errors[*].field").isEqualTo(List.of("BuyerDtls.Addr1", "BuyerDtls.Loc", "BuyerDtls.Pin"));
        call("GET", "/api/v1/orders/" + b2b + "/e-invoice/request?buyerPinCode=12345", owner, null).expectStatus().isBadRequest();
        call("GET", "/api/v1/orders/" + b2b + "/e-invoice/request" + BUYER_QUERY, cashier, null).expectStatus().isForbidden();

        String requestJson = call("GET", "/api/v1/orders/" + b2b + "/e-invoice/request" + BUYER_QUERY, auditor, null)
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(IrnSchema.violations(requestJson)).isEmpty();
        assertThat(requestJson).contains("\"SupTyp\":\"B2B\"", "\"Typ\":\"INV\"", "\"Gstin\":\"" + BUYER + "\"", "\"Pos\":\"29\"",
                "\"LglNm\":\"Kulkarni Traders\"", "\"Pin\":560002", "\"Pin\":411001", "\"HsnCd\":\"100630\"", "\"Unit\":\"PCS\"",
                "\"TotAmt\":3000.00", "\"Discount\":100.00", "\"AssAmt\":2900.00", "\"IgstAmt\":145.00", "\"TotItemVal\":3045.00",
                "\"AssVal\":2900.00", "\"IgstVal\":145.00", "\"RndOffAmt\":0.00", "\"TotInvVal\":3045.00");

        // registering: owner or manager; the first time 201, then the same registration
        call("POST", "/api/v1/orders/" + b2b + "/e-invoice", cashier, Map.of("buyer", BUYER_ADDRESS)).expectStatus().isForbidden();
        call("POST", "/api/v1/orders/" + b2b + "/e-invoice", auditor, Map.of("buyer", BUYER_ADDRESS)).expectStatus().isForbidden();
        Map<String, Object> registered = body(call("POST", "/api/v1/orders/" + b2b + "/e-invoice", manager, Map.of("buyer", BUYER_ADDRESS))
                .expectStatus().isCreated().expectHeader().valueEquals("Location", "/api/v1/orders/" + b2b + "/e-invoice"));
        Map<String, Object> sale = get("/api/v1/orders/" + b2b, owner);
        String number = (String) sale.get("invoiceNumber");
        LocalDate day = LocalDate.parse((String) sale.get("invoiceDate"));
        int fy = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        // the portal's IRN: SHA-256 of GSTIN + financial year ("2026-27") + document type + number
        String irn = sha256(SELLER + fy + "-" + String.format("%02d", (fy + 1) % 100) + "INV" + number);
        assertThat(registered).containsEntry("irn", irn).containsEntry("documentType", "INV").containsEntry("documentNumber", number)
                .containsEntry("status", "ACT").containsEntry("registeredBy", "u-manager-e");
        assertThat((String) registered.get("ackNo")).matches("\\d{15}");
        assertThat((String) registered.get("ackDate")).endsWith("+05:30");
        Map<String, Object> again = body(call("POST", "/api/v1/orders/" + b2b + "/e-invoice", owner, Map.of()).expectStatus().isOk());
        assertThat(again).containsEntry("irn", irn).containsEntry("ackNo", registered.get("ackNo"))
                .containsEntry("signedQrCode", registered.get("signedQrCode"));
        // no body at all will do too: the buyer's address is only needed before the first registration
        assertThat(body(http.post().uri("/api/v1/orders/" + b2b + "/e-invoice").headers(h -> h.setBearerAuth(owner)).exchange()
                .expectStatus().isOk())).containsEntry("irn", irn);
        assertThat(get("/api/v1/orders/" + b2b + "/e-invoice", auditor)).containsEntry("irn", irn);
        // once registered, the request is the one that was sent
        assertThat(call("GET", "/api/v1/orders/" + b2b + "/e-invoice/request", owner, null).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).contains("\"Loc\":\"Bengaluru\"", "\"TotInvVal\":3045.00");

        // the invoice prints the IRN, the acknowledgement and the signed QR code as a QR code
        byte[] pdf = http.get().uri("/api/v1/orders/" + b2b + "/invoice").headers(h -> h.setBearerAuth(owner)).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        String text = Pdfs.text(pdf).replace("\n", " ");
        assertThat(text).contains("e-Invoice", "Ack No: " + registered.get("ackNo"), irn.substring(0, 32));
        List<BufferedImage> images = InvoiceRenderingTest.images(pdf);
        assertThat(images).hasSize(1);
        assertThat(Qr.decode(images.get(0))).isEqualTo(registered.get("signedQrCode"));

        // a B2C sale is not e-invoiced, and nothing is registered
        for (String method : List.of("GET", "POST")) {
            call(method, "/api/v1/orders/" + b2c + "/e-invoice" + (method.equals("GET") ? "/request" + BUYER_QUERY : ""), owner,
                    method.equals("POST") ? Map.of("buyer", BUYER_ADDRESS) : null)
                    .expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/e-invoice-not-applicable")
                    .jsonPath("$.detail").value(d -> assertThat((String) d).contains("B2C"));
        }
        call("GET", "/api/v1/orders/" + b2c + "/e-invoice", owner, null).expectStatus().isNotFound();
        assertThat(InvoiceRenderingTest.images(http.get().uri("/api/v1/orders/" + b2c + "/invoice").headers(h -> h.setBearerAuth(owner))
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody())).isEmpty();

        // another shop's order is not found, whatever its owner asks
        String other = token("u-owner-x", "shop-einv-other-" + UUID.randomUUID(), "OWNER");
        call("GET", "/api/v1/orders/" + b2b + "/e-invoice", other, null).expectStatus().isNotFound();
        call("GET", "/api/v1/orders/" + b2b + "/e-invoice/request" + BUYER_QUERY, other, null).expectStatus().isNotFound();
        call("POST", "/api/v1/orders/" + b2b + "/e-invoice", other, Map.of("buyer", BUYER_ADDRESS)).expectStatus().isNotFound();
    }
}

package dev.kirana.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.order.upi.Qr;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class UpiQrTest extends OrderServiceTestBase {
    final String shop = "shop-upi-" + UUID.randomUUID();
    final String owner = token("u-owner-u", shop, "OWNER");
    final String cashier = token("u-cash-u", shop, "CASHIER");

    WebTestClient.ResponseSpec qr(String query, String token) {
        return http.get().uri("/api/v1/orders/upi-qr" + query).headers(h -> h.setBearerAuth(token)).exchange();
    }

    WebTestClient.ResponseSpec putSettings(String token, Map<String, Object> upi) {
        Map<String, Object> body = new HashMap<>(Map.of("invoicePrefix", "UP", "creditNotePrefix", "UPCN",
                "loyaltyPointsPer100", "1", "loyaltyPointValue", "1"));
        body.putAll(upi);
        return http.put().uri("/api/v1/orders/settings").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    byte[] png(String query) {
        return qr(query, cashier).expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCounterShowsAQrCodeOfTheShopsUpiLink() {
        // no UPI address yet: a problem, not an image
        qr("?amount=96.00", cashier).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/no-upi-vpa");

        putSettings(owner, Map.of("upiVpa", "sharma store@okhdfcbank")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("upiVpa");
        putSettings(owner, Map.of("upiVpa", "sharmastore@ok-hdfc")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("upiVpa");
        putSettings(owner, Map.of("upiVpa", "sharmastore@okhdfcbank", "upiPayeeName", "S".repeat(51))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("upiPayeeName");
        putSettings(cashier, Map.of("upiVpa", "sharmastore@okhdfcbank")).expectStatus().isForbidden();
        putSettings(owner, Map.of("upiVpa", "SharmaStore@okhdfcbank", "upiPayeeName", "Sharma & Sons")).expectStatus().isOk()
                .expectBody().jsonPath("$.settings.upiVpa").isEqualTo("SharmaStore@okhdfcbank")
                .jsonPath("$.settings.upiPayeeName").isEqualTo("Sharma & Sons");
        assertThat((Map<String, Object>) get("/api/v1/orders/settings", cashier).get("settings"))
                .containsEntry("upiVpa", "SharmaStore@okhdfcbank").containsEntry("upiPayeeName", "Sharma & Sons");

        assertThat(Qr.decode(png("?amount=96.00")))
                .isEqualTo("upi://pay?pa=SharmaStore@okhdfcbank&pn=Sharma%20%26%20Sons&am=96.00&cu=INR");
        assertThat(Qr.decode(png("?amount=5"))).isEqualTo("upi://pay?pa=SharmaStore@okhdfcbank&pn=Sharma%20%26%20Sons&am=5.00&cu=INR");
        assertThat(Qr.decode(qr("?amount=96.00", owner).expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody()))
                .endsWith("&am=96.00&cu=INR");

        String svg = qr("?amount=96.00&format=svg", cashier).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("image/svg+xml").expectBody(String.class).returnResult().getResponseBody();
        assertThat(svg).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        http.get().uri("/api/v1/orders/upi-qr?amount=96.00").headers(h -> h.setBearerAuth(cashier)).accept(MediaType.parseMediaType("image/svg+xml"))
                .exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith("image/svg+xml");

        for (String bad : List.of("?amount=1e2", "?amount=1E2", "?amount=0", "?amount=-5", "?amount=1.005", "?amount=abc", "", "?amount=")) {
            qr(bad, cashier).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("amount");
        }
        qr("?amount=96.00&format=gif", cashier).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("format");
        qr("?amount=96.00", token("u-auditor-u", shop, "AUDITOR")).expectStatus().isForbidden();
        qr("?amount=96.00&orderId=" + UUID.randomUUID(), cashier).expectStatus().isNotFound();

        // the settings replaced without a UPI address: no more codes
        putSettings(owner, Map.of()).expectStatus().isOk().expectBody().jsonPath("$.settings.upiVpa").doesNotExist();
        qr("?amount=96.00", cashier).expectStatus().isEqualTo(409);
    }

    @Test
    void forASaleTheNoteAndReferenceNameItsInvoice() {
        String sold = "shop-upi-sale-" + UUID.randomUUID();
        String seller = token("u-owner-s", sold, "OWNER");
        shop(sold, "Ravi Stores", "29", null, "REGULAR");
        String rice = product(sold, "RICE-1", null, "1006", "0", "62.00", false);
        FakeInventory.get().serve(sold, Set.of());
        putSettings(seller, Map.of("upiVpa", "ravistores@ybl")).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(get("/api/v1/orders/settings", seller).get("registrationKnown")));
        // a sale the tenders cannot pay: refused for its tenders only once the product is known (nothing is written)
        await().atMost(Duration.ofSeconds(30)).until(() -> post("/api/v1/orders", seller, UUID.randomUUID().toString(), null,
                Map.of("lines", List.of(Map.of("productId", rice, "quantity", "1")), "tenders", List.of(Map.of("type", "CARD", "amount", "0.01"))))
                .expectBody(String.class).returnResult().getResponseBody().contains("\"field\":\"tenders\""));
        Map<String, Object> sale = body(place(seller, Map.of("lines", List.of(Map.of("productId", rice, "quantity", "2"))), "wait=15")
                .expectStatus().isCreated());
        String number = (String) sale.get("invoiceNumber");
        assertThat(number).matches("UP/\\d{4}/\\d+");
        String encoded = number.replace("/", "%2F");
        byte[] image = qr("?amount=124.00&orderId=" + sale.get("id"), seller).expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(Qr.decode(image)).isEqualTo("upi://pay?pa=ravistores@ybl&pn=Ravi%20Stores&am=124.00&cu=INR&tn=Invoice%20"
                + encoded + "&tr=" + encoded);
        assertThat(new String(image, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
}

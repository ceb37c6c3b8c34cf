package dev.kirana.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The payment methods a shop takes: turned off, a tender of one is refused at the counter and nothing is written. */
class PaymentMethodsTest extends OrderServiceTestBase {
    final String shop = "shop-pay-" + UUID.randomUUID();
    final String owner = token("u-owner-p", shop, "OWNER");
    final String cashier = token("u-cash-p", shop, "CASHIER");

    WebTestClient.ResponseSpec putMethods(String token, Object body) {
        return http.put().uri("/api/v1/orders/settings/payment-methods").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    Map<String, Object> sale(String product, List<Map<String, Object>> tenders) {
        return tenders == null ? Map.of("lines", List.of(Map.of("productId", product, "quantity", "1")))
                : Map.of("lines", List.of(Map.of("productId", product, "quantity", "1")), "tenders", tenders);
    }

    @Test
    void aMethodTurnedOffIsRefusedAtTheCounter() {
        shop(shop, "Pay Store", "27", null, "REGULAR");
        String tea = product(shop, "TEA-P", null, "0902", "5", "48.00", true);
        FakeInventory.get().serve(shop, Set.of());
        // the product has reached the replica once a quote prices it
        await().atMost(Duration.ofSeconds(30)).until(() -> post("/api/v1/orders/quote", cashier, null, null, sale(tea, null))
                .returnResult(String.class).getStatus().is2xxSuccessful());

        assertThat(get("/api/v1/orders/settings/payment-methods", cashier).get("methods").toString())
                .isEqualTo("[{method=CASH, enabled=true}, {method=CARD, enabled=true}, {method=UPI, enabled=true}, "
                        + "{method=CREDIT, enabled=true}, {method=LOYALTY, enabled=true}]");
        putMethods(cashier, Map.of("methods", List.of(Map.of("method", "CARD", "enabled", false)))).expectStatus().isForbidden();
        putMethods(owner, Map.of("methods", List.of(Map.of("method", "CARD", "enabled", false), Map.of("method", "LOYALTY", "enabled", false))))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.methods[1].method").isEqualTo("CARD").jsonPath("$.methods[1].enabled").isEqualTo(false)
                .jsonPath("$.methods[2].enabled").isEqualTo(true);

        // 48.00 by card: refused, quoted or placed, and no order is written
        place(cashier, sale(tea, List.of(Map.of("type", "CARD", "amount", "48.00"))), null).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("tenders[0].type")
                .jsonPath("$.errors[0].message").isEqualTo("this shop does not take CARD (it takes CASH, UPI, CREDIT)");
        post("/api/v1/orders/quote", cashier, null, null, sale(tea, List.of(Map.of("type", "CARD", "amount", "48.00"))))
                .expectStatus().isBadRequest();
        assertThat(getList("/api/v1/orders", owner)).isEmpty();
        // by UPI it sells
        place(cashier, sale(tea, List.of(Map.of("type", "UPI", "amount", "48.00", "reference", "UTR1"))), null).expectStatus().isAccepted();

        // without cash, a sale must say how it is paid
        putMethods(owner, Map.of("methods", List.of(Map.of("method", "CASH", "enabled", false)))).expectStatus().isOk();
        place(cashier, sale(tea, null), null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("tenders")
                .jsonPath("$.errors[0].message").isEqualTo("this shop does not take cash: give the tenders (it takes UPI, CREDIT)");

        // bad settings change nothing
        putMethods(owner, Map.of("methods", List.of(Map.of("method", "UPI", "enabled", false), Map.of("method", "CREDIT", "enabled", false))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].message").isEqualTo("a shop takes at least one payment method");
        putMethods(owner, Map.of("methods", List.of(Map.of("method", "UPI", "enabled", true), Map.of("method", "UPI", "enabled", false))))
                .expectStatus().isBadRequest();
        putMethods(owner, Map.of("methods", List.of(Map.of("method", "CHEQUE", "enabled", true)))).expectStatus().isBadRequest();
        assertThat(get("/api/v1/orders/settings/payment-methods", owner).get("methods").toString())
                .isEqualTo("[{method=CASH, enabled=false}, {method=CARD, enabled=false}, {method=UPI, enabled=true}, "
                        + "{method=CREDIT, enabled=true}, {method=LOYALTY, enabled=false}]");
    }
}

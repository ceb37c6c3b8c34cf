package dev.kirana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.localstack.KiranaStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The order saga end to end, black-box, through the gateway of the launched suite: log in, create a
 * product, receive stock, sell it (CONFIRMED), oversell it (REJECTED), and see the stock and the
 * ledger agree.
 */
class WalkingSkeletonIT {
    static KiranaStack stack;
    static Http http;
    static String token;

    @BeforeAll
    static void up() {
        stack = SuiteUnderTest.get();
        http = new Http(stack.gatewayUrl());
        Http.Response login = http.post("/api/v1/auth/login", null,
                Map.of("username", "owner@demo.kirana", "password", "kirana-demo"));
        assertThat(login.status()).as("demo owner login: %s", login.body()).isEqualTo(200);
        token = login.body().get("accessToken").asString();
    }

    @Test
    void anOrderThroughTheGatewayIsConfirmedAndAnOversoldOneRejected() {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = http.post("/api/v1/products", token, Map.of("sku", sku, "name", "Sugar 1kg", "hsn", "1701",
                "gstRate", "5", "sellingPrice", "48.00", "taxInclusive", true, "unit", "PCS"));
        assertThat(created.status()).as("create product: %s", created.body()).isEqualTo(201);
        String productId = created.body().get("id").asString();

        // inventory learns of the product from the catalog's event
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                http.postIdempotent("/api/v1/inventory/receipts", token,
                        Map.of("productId", productId, "quantity", "10", "unitCost", "40.00")).status() == 201);

        Map<String, Object> sellTwo = Map.of("lines", List.of(Map.of("productId", productId, "quantity", "2")));
        Http.Response[] sold = new Http.Response[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            sold[0] = http.postIdempotent("/api/v1/orders", token, sellTwo, "Prefer", "wait=10");
            return sold[0].status() != 400; // 400 while order-service's catalog replica has not caught up
        });
        assertThat(sold[0].status()).as("order: %s", sold[0].body()).isEqualTo(201);
        assertThat(sold[0].body().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(sold[0].body().get("total").asString()).isEqualTo("96.00");
        assertThat(sold[0].header("X-Request-Id")).isNotBlank();

        Http.Response oversold = http.postIdempotent("/api/v1/orders", token,
                Map.of("lines", List.of(Map.of("productId", productId, "quantity", "100"))), "Prefer", "wait=10");
        assertThat(oversold.status()).isEqualTo(201);
        assertThat(oversold.body().get("status").asString()).isEqualTo("REJECTED");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Http.Response stock = http.get("/api/v1/inventory/stock?productId=" + productId, token);
            assertThat(stock.body().get(0).get("onHand").asString()).isEqualTo("8.000");
            assertThat(stock.body().get(0).get("reserved").asString()).isEqualTo("0.000");
        });
        assertThat(http.get("/api/v1/inventory/reconciliation", token).body().get("consistent").asBoolean()).isTrue();

        Http.Response order = http.get("/api/v1/orders/" + sold[0].body().get("id").asString(), token);
        assertThat(order.body().get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void theGatewayRefusesRequestsWithoutAToken() {
        Http.Response r = http.get("/api/v1/orders", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }
}

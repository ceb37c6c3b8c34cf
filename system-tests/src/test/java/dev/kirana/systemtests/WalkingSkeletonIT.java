package dev.kirana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.localstack.KiranaStack;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The order saga end to end, black-box, through the gateway of the launched suite: log in, create a
 * product, receive stock, sell it (CONFIRMED), oversell it (REJECTED), and see the stock and the
 * ledger agree.
 */
@Order(1)
class WalkingSkeletonIT {
    static KiranaStack stack;
    static Http http;
    static String token;

    @BeforeAll
    static void up() {
        stack = SuiteUnderTest.get();
        http = new Http(stack.gatewayUrl());
        token = Journeys.demoOwner(http);
    }

    @Test
    void anOrderThroughTheGatewayIsConfirmedAndAnOversoldOneRejected() {
        String productId = Journeys.stockedProduct(http, token, "48.00", 10);

        Http.Response sold = Journeys.sell(http, token, productId, 2);
        assertThat(sold.status()).as("order: %s", sold.body()).isEqualTo(201);
        assertThat(sold.body().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(sold.body().get("total").asString()).isEqualTo("96.00");
        assertThat(sold.header("X-Request-Id")).isNotBlank();

        Http.Response oversold = Journeys.sell(http, token, productId, 100);
        assertThat(oversold.status()).isEqualTo(201);
        assertThat(oversold.body().get("status").asString()).isEqualTo("REJECTED");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Http.Response stock = http.get("/api/v1/inventory/stock?productId=" + productId, token);
            assertThat(stock.body().get(0).get("onHand").asString()).isEqualTo("8.000");
            assertThat(stock.body().get(0).get("reserved").asString()).isEqualTo("0.000");
        });
        assertThat(http.get("/api/v1/inventory/reconciliation", token).body().get("consistent").asBoolean()).isTrue();

        Http.Response order = http.get("/api/v1/orders/" + sold.body().get("id").asString(), token);
        assertThat(order.body().get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void theGatewayRefusesRequestsWithoutAToken() {
        Http.Response r = http.get("/api/v1/orders", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }
}

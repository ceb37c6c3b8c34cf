package dev.kirana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Steps that several journeys share, each as a person at the counter or in the back office would do it. */
final class Journeys {
    private Journeys() {
    }

    static String login(Http http, String username, String password) {
        Http.Response login = http.post("/api/v1/auth/login", null, Map.of("username", username, "password", password));
        assertThat(login.status()).as("login %s: %s", username, login.body()).isEqualTo(200);
        return login.body().get("accessToken").asString();
    }

    static String demoOwner(Http http) {
        return login(http, "owner@demo.kirana", "kirana-demo");
    }

    /** A new product with {@code stock} units received at ₹40, once inventory has heard of it. */
    static String stockedProduct(Http http, String token, String price, int stock) {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = http.post("/api/v1/products", token, Map.of("sku", sku, "name", "Product " + sku, "hsn", "1701",
                "gstRate", "5", "sellingPrice", price, "taxInclusive", true, "unit", "PCS"));
        assertThat(created.status()).as("create product: %s", created.body()).isEqualTo(201);
        String productId = created.body().get("id").asString();
        if (stock > 0) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                    http.postIdempotent("/api/v1/inventory/receipts", token,
                            Map.of("productId", productId, "quantity", String.valueOf(stock), "unitCost", "40.00")).status() == 201);
        }
        return productId;
    }

    /** Sells {@code qty}, waiting for the saga's answer; retried while order-service's catalog replica catches up or a service restarts. */
    static Http.Response sell(Http http, String token, String productId, int qty) {
        Map<String, Object> body = Map.of("lines", List.of(Map.of("productId", productId, "quantity", String.valueOf(qty))));
        Http.Response[] r = new Http.Response[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            r[0] = http.postIdempotent("/api/v1/orders", token, body, "Prefer", "wait=15");
            // 400 until the catalog replica has the product; 429/5xx are for a till to retry
            return r[0].status() != 400 && r[0].status() != 429 && r[0].status() < 500;
        });
        return r[0];
    }
}

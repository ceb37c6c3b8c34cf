package dev.kirana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

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

    static final String OWNER_PASSWORD = "sharma-store-2026";

    /** A shop opened by a newly registered owner, with a cashier; tokens for both name this shop. */
    record NewShop(String id, String owner, String cashier, String tag, String ownerPhone, String ownerEmail) {
    }

    /** An owner registers and opens a shop in Karnataka (state 29), then adds a cashier who logs in. */
    static NewShop openShop(Http http, String ownerName, String shopName) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String phone = "9" + (100000000L + ThreadLocalRandom.current().nextLong(899999999L));
        String email = ownerName.toLowerCase(java.util.Locale.ROOT) + "-" + tag + "@example.com";
        Http.Response registered = http.post("/api/v1/auth/register", null, Map.of("name", ownerName + " " + tag,
                "email", email, "phone", phone, "password", OWNER_PASSWORD));
        assertThat(registered.status()).as("register: %s", registered.body()).isEqualTo(201);
        String token = login(http, email, OWNER_PASSWORD);
        Http.Response shop = http.post("/api/v1/shops", token, Map.of("name", shopName + " " + tag, "stateCode", "29",
                "address", "14 Station Road, Mysuru"));
        assertThat(shop.status()).as("create shop: %s", shop.body()).isEqualTo(201);
        String shopId = shop.body().get("id").asString();
        Http.Response switched = http.post("/api/v1/auth/switch-shop", token, Map.of("shopId", shopId));
        assertThat(switched.status()).as("switch shop: %s", switched.body()).isEqualTo(200);
        String owner = switched.body().get("accessToken").asString();

        Http.Response member = http.post("/api/v1/shops/" + shopId + "/members", owner, Map.of("email", "asha-" + tag + "@example.com",
                "name", "Asha", "role", "CASHIER", "initialPassword", "counter-one-2026"));
        assertThat(member.status()).as("add cashier: %s", member.body()).isIn(200, 201);
        String cashier = login(http, "asha-" + tag + "@example.com", "counter-one-2026");
        assertThat(http.get("/api/v1/auth/me", cashier).body().toString()).contains(shopId);
        return new NewShop(shopId, owner, cashier, tag, phone, email);
    }

    /** A new product with {@code stock} units received at ₹40, once inventory has heard of it. */
    static String stockedProduct(Http http, String token, String price, int stock) {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> product = Map.of("sku", sku, "name", "Product " + sku, "hsn", "1701",
                "gstRate", "5", "sellingPrice", price, "taxInclusive", true, "unit", "PCS");
        String[] id = new String[1];
        // a 504 from a busy machine may or may not have created it: look for the SKU before sending it again
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Http.Response found = http.get("/api/v1/products?q=" + sku, token);
            if (found.status() == 200) {
                for (JsonNode p : found.body()) {
                    if (sku.equals(p.get("sku").asString())) {
                        id[0] = p.get("id").asString();
                        return true;
                    }
                }
            }
            Http.Response created = http.post("/api/v1/products", token, product);
            assertThat(created.status()).as("create product: %s", created.body()).isIn(201, 429, 500, 502, 503, 504);
            if (created.status() == 201) {
                id[0] = created.body().get("id").asString();
                return true;
            }
            return false;
        });
        String productId = id[0];
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

    /** Rings up a sale (lines, tenders, customer as given) and waits for it to be CONFIRMED. */
    static JsonNode sellConfirmed(Http http, String token, Map<String, Object> body) {
        Http.Response[] r = new Http.Response[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            r[0] = http.postIdempotent("/api/v1/orders", token, body, "Prefer", "wait=15");
            // 400 naming the product until order-service's replica has it; 429/5xx are for a till to retry
            boolean replicaBehind = r[0].status() == 400 && r[0].body().toString().contains("productId");
            return !replicaBehind && r[0].status() != 429 && r[0].status() < 500;
        });
        assertThat(r[0].status()).as("sale: %s", r[0].body()).isEqualTo(201);
        assertThat(r[0].body().get("status").asString()).isEqualTo("CONFIRMED");
        return r[0].body();
    }
}

package dev.kirana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * From a sale at the counter to the owner's inbox, through the gateway: a product with a reorder level of 5 and 10 on
 * hand; the cashier sells 6, leaving 4 available (at or below 5), so inventory publishes {@code stock.low} and
 * auth-service's notifications put one unread "Low stock" item in the owner's inbox. A second sale the same day (3
 * left) tells nobody again (inventory says so once when the product becomes low, and auth at most once per product per
 * day). The cashier, whom the default rule does not address, has nothing. The owner reads it and the unread count is 0.
 */
@Order(8)
class NotificationJourneyIT {

    @Test
    void aLowStockSaleEndsAsTheOwnersUnreadNotification() {
        Http http = new Http(SuiteUnderTest.get().gatewayUrl());
        Journeys.NewShop shop = Journeys.openShop(http, "Nisha", "Nisha Provision Store");
        String sku = "LOW-" + UUID.randomUUID().toString().substring(0, 8);
        String name = "Toor Dal 1kg " + shop.tag();
        Http.Response created = http.post("/api/v1/products", shop.owner(), Map.of("sku", sku, "name", name, "hsn", "0713",
                "gstRate", "5", "sellingPrice", "150.00", "taxInclusive", true, "unit", "PCS", "reorderLevel", "5"));
        assertThat(created.status()).as("create product: %s", created.body()).isEqualTo(201);
        String productId = created.body().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                http.postIdempotent("/api/v1/inventory/receipts", shop.owner(),
                        Map.of("productId", productId, "quantity", "10", "unitCost", "120.00")).status() == 201);

        String inbox = "/api/v1/shops/" + shop.id() + "/notifications";
        assertThat(unread(http, inbox, shop.owner())).as("nothing before the sale").isZero();

        assertThat(Journeys.sell(http, shop.cashier(), productId, 6).body().get("status").asString()).isEqualTo("CONFIRMED");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> unread(http, inbox, shop.owner()) == 1);

        assertThat(Journeys.sell(http, shop.cashier(), productId, 1).body().get("status").asString()).isEqualTo("CONFIRMED");
        // the second sale's stock.low (3 left) reaches auth through the same partition after the first: once it has been
        // handled, the owner still has exactly one item about the product
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                http.get("/api/v1/inventory/stock?productId=" + productId, shop.owner()).body().toString().contains("\"onHand\":\"3.000\""));
        List<JsonNode> items = items(http, inbox, shop.owner());
        List<JsonNode> aboutIt = items.stream().filter(i -> i.get("title").asString().contains(name)).toList();
        assertThat(aboutIt).as("owner's inbox: %s", items).hasSize(1);
        JsonNode low = aboutIt.get(0);
        assertThat(low.get("kind").asString()).isEqualTo("STOCK_LOW");
        assertThat(low.get("read").asBoolean()).isFalse();
        assertThat(low.get("title").asString()).isEqualTo("Low stock: " + name);
        assertThat(low.get("body").asString()).contains("4").contains("5");

        assertThat(items(http, inbox, shop.cashier())).as("the cashier is not addressed by the default rule").isEmpty();

        Http.Response read = http.post(inbox + "/" + low.get("id").asString() + "/read", shop.owner(), Map.of());
        assertThat(read.status()).as("mark read: %s", read.body()).isEqualTo(204);
        assertThat(unread(http, inbox, shop.owner())).isZero();
        // another shop's member cannot read this shop's inbox
        Journeys.NewShop other = Journeys.openShop(http, "Om", "Om Stores");
        assertThat(http.get(inbox, other.owner()).status()).isIn(403, 404);
    }

    private static long unread(Http http, String inbox, String token) {
        Http.Response r = http.get(inbox + "/unread-count", token);
        assertThat(r.status()).as("unread count: %s", r.body()).isEqualTo(200);
        return r.body().get("unread").asLong();
    }

    private static List<JsonNode> items(Http http, String inbox, String token) {
        Http.Response r = http.get(inbox + "?size=100", token);
        assertThat(r.status()).as("inbox: %s", r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.body().get("items").forEach(out::add);
        return out;
    }
}

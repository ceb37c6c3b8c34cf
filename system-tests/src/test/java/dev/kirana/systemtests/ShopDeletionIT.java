package dev.kirana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.localstack.KiranaStack;
import dev.kirana.localstack.backup.ShopBackupClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Deleting a shop through the gateway, as its owner would: refused while no full export exists (the five services
 * that hold its data are named), allowed once the launcher's backup client has backed the shop up — each service
 * records its {@code backup.created} on the audit topic, and auth-service, which decides, reads them from the shop's
 * chain — then restored inside the window. While deleted, no token is issued for it.
 */
@Order(13)
class ShopDeletionIT {
    static final List<String> DATA_SERVICES = List.of("catalog-service", "inventory-service", "order-service",
            "accounting-service", "reporting-service");

    @TempDir
    Path backups;

    @Test
    void aShopIsDeletedOnlyAfterAFullExportAndRestoredWithinTheWindow() throws Exception {
        KiranaStack stack = SuiteUnderTest.get();
        Http http = new Http(stack.gatewayUrl());
        Journeys.NewShop shop = Journeys.openShop(http, "Usha", "Usha Kirana");
        String name = http.get("/api/v1/shops/" + shop.id(), shop.owner()).body().get("name").asString();
        Journeys.stockedProduct(http, shop.owner(), "48.00", 5);
        String path = "/api/v1/shops/" + shop.id();

        // no export yet: every data-holding service is named, nothing changes
        Http.Response refused = http.send("DELETE", path, shop.owner(), Map.of("confirmName", name));
        assertThat(refused.status()).as("delete without export: %s", refused.body()).isEqualTo(409);
        assertThat(refused.body().get("type").asString()).isEqualTo("https://kirana.dev/problems/export-required");
        assertThat(texts(refused.body().get("services"))).containsExactlyElementsOf(DATA_SERVICES);
        // a cashier may not, even with the name
        assertThat(http.send("DELETE", path, shop.cashier(), Map.of("confirmName", name)).status()).isEqualTo(403);

        new ShopBackupClient(URI.create(stack.gatewayUrl() + "/"), shop.owner(), Clock.systemUTC()).backup(shop.id(), backups);
        // the backups reach the shop's audit trail through kirana.audit.events, one per service
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Http.Response trail = http.get(path + "/audit?action=backup.created", shop.owner());
            assertThat(trail.status()).as("audit: %s", trail.body()).isEqualTo(200);
            List<String> sources = new ArrayList<>();
            trail.body().forEach(r -> sources.add(r.get("entityId").asString()));
            assertThat(sources).containsExactlyInAnyOrderElementsOf(DATA_SERVICES);
        });

        Http.Response wrongName = http.send("DELETE", path, shop.owner(), Map.of("confirmName", name.toUpperCase(java.util.Locale.ROOT)));
        assertThat(wrongName.status()).as("wrong name: %s", wrongName.body()).isEqualTo(400);
        Http.Response deleted = http.send("DELETE", path, shop.owner(), Map.of("confirmName", name));
        assertThat(deleted.status()).as("delete: %s", deleted.body()).isEqualTo(200);
        assertThat(deleted.body().get("status").asString()).isEqualTo("DELETED");
        Instant at = Instant.parse(deleted.body().get("deletedAt").asString());
        // the default restore window: 30 days
        assertThat(Instant.parse(deleted.body().get("purgeAfter").asString())).isEqualTo(at.plus(Duration.ofDays(30)));

        // no token for it: switching to it is refused, and a new login does not land in it
        Http.Response switched = http.post("/api/v1/auth/switch-shop", shop.owner(), Map.of("shopId", shop.id()));
        assertThat(switched.status()).as("switch to a deleted shop: %s", switched.body()).isIn(401, 409);
        String again = Journeys.login(http, shop.ownerEmail(), Journeys.OWNER_PASSWORD);
        JsonNode me = http.get("/api/v1/auth/me", again).body();
        assertThat(me.toString()).as("me after login: %s", me).doesNotContain("\"activeShopId\":\"" + shop.id() + "\"");
        JsonNode listed = null;
        for (JsonNode s : http.get("/api/v1/shops", again).body()) {
            if (shop.id().equals(s.get("id").asString())) {
                listed = s;
            }
        }
        assertThat(listed).as("the owner still finds the deleted shop").isNotNull();
        assertThat(listed.get("status").asString()).isEqualTo("DELETED");

        Http.Response restored = http.post(path + "/restore", again, Map.of());
        assertThat(restored.status()).as("restore: %s", restored.body()).isEqualTo(200);
        assertThat(restored.body().get("status").asString()).isEqualTo("ACTIVE");
        Http.Response back = http.post("/api/v1/auth/switch-shop", again, Map.of("shopId", shop.id()));
        assertThat(back.status()).as("switch after restore: %s", back.body()).isEqualTo(200);
        String owner = back.body().get("accessToken").asString();
        assertThat(http.get("/api/v1/products", owner).status()).isEqualTo(200);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}

package dev.kirana.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.inventory.reservation.ReservationService;
import dev.kirana.messaging.InboxProcessor;
import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.ReadOperations;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TestJwtIssuer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every read of inventory-service, walked from its own OpenAPI document (a new one is covered without naming it),
 * against the README's roles-and-scopes matrix: a cashier looks stock up (levels without costs, locations, low stock,
 * serial units) but reads neither the stock ledger, the valuation nor costs; a partner's client needs inventory:read,
 * and one with orders:read only reads nothing here.
 */
@KiranaServiceTest
class ReadAccessTest {
    /** The matrix for inventory-service, as data: every read is the stock books' unless listed here. */
    static final String SCOPE = "inventory:read";
    static final Set<String> CASHIER_READS = Set.of(
            "/api/v1/inventory/stock",
            "/api/v1/inventory/locations",
            "/api/v1/inventory/locations/{id}",
            "/api/v1/inventory/low-stock",
            "/api/v1/inventory/serials");

    @Autowired
    WebTestClient http;
    @Autowired
    ReservationService reservations;
    @Autowired
    InboxProcessor inbox;
    @Autowired
    DatabaseClient db;

    @Test
    void everyReadStatesWhoMayCallItAndTheServiceEnforcesIt() {
        InventoryApi api = new InventoryApi(http, db, inbox, reservations);
        String product = api.product("ATTA-5");
        api.post("/api/v1/inventory/receipts", Map.of("productId", product, "quantity", "10", "unitCost", "200.00"))
                .expectStatus().isCreated();
        TestJwtIssuer jwt = TestInfrastructure.get().jwt();
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("owner", api.token);
        callers.put("manager", jwt.token("u-manager", api.shop, "MANAGER"));
        callers.put("auditor", jwt.token("u-auditor", api.shop, "AUDITOR"));
        callers.put("cashier", jwt.token("u-cashier", api.shop, "CASHIER"));
        callers.put("client with " + SCOPE, jwt.clientToken("cli_erp", api.shop, SCOPE));
        callers.put("client with orders:read", jwt.clientToken("cli_orders", api.shop, "orders:read"));
        callers.put("client with every other scope", jwt.clientToken("cli_other", api.shop,
                "shop:read", "catalog:read", "orders:read", "orders:write", "accounting:read", "reports:read", "inventory:write"));
        Map<String, String> values = Map.of("productId", product);

        List<ReadOperations.Operation> reads = ReadOperations.of(http, "/api/v1/inventory/");
        assertThat(reads).as("inventory's reads in the document").hasSizeGreaterThanOrEqualTo(12);
        List<String> failures = new ArrayList<>();
        for (ReadOperations.Operation op : reads) {
            boolean cashier = CASHIER_READS.contains(op.path());
            List<String> roles = new ArrayList<>(List.of("OWNER", "MANAGER", "AUDITOR"));
            if (cashier) {
                roles.add("CASHIER");
            }
            if (op.roles() == null || !Set.copyOf(op.roles()).equals(Set.copyOf(roles)) || !SCOPE.equals(op.scope())) {
                failures.add(op + " states roles " + op.roles() + " and scope " + op.scope() + "; the matrix says " + roles + " and " + SCOPE);
            }
            if (!op.documents403() || !op.description().contains("scope " + SCOPE + ")")) {
                failures.add(op + " does not say who may call it in its description, or has no 403 response");
            }
            Set<String> allowed = cashier
                    ? Set.of("owner", "manager", "auditor", "cashier", "client with " + SCOPE)
                    : Set.of("owner", "manager", "auditor", "client with " + SCOPE);
            failures.addAll(ReadOperations.check(http, op, op.uri(values), callers, allowed));
        }
        assertThat(failures).as("reads against the matrix" + ReadOperations.lines(failures)).isEmpty();

        // the counter sees how much there is, not what it cost
        http.get().uri("/api/v1/inventory/stock?productId=" + product).headers(h -> h.setBearerAuth(callers.get("cashier"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[0].onHand").isEqualTo("10.000")
                .jsonPath("$[0].averageCost").isEmpty();
        http.get().uri("/api/v1/inventory/stock?productId=" + product).headers(h -> h.setBearerAuth(callers.get("auditor"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].averageCost").isEqualTo("200.0000");
    }
}

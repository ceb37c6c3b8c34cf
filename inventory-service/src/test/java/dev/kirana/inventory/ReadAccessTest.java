package dev.kirana.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.inventory.reservation.ReservationService;
import dev.kirana.messaging.InboxProcessor;
import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.ReadOperations;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TestJwtIssuer;
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
        Map<String, String> callers = ReadOperations.callers(jwt, api.shop, api.token, SCOPE,
                "shop:read", "catalog:read", "orders:read", "orders:write", "accounting:read", "reports:read", "inventory:write");
        Map<String, String> values = Map.of("productId", product);

        List<ReadOperations.Operation> reads = ReadOperations.of(http, "/api/v1/inventory/");
        assertThat(reads).as("inventory's reads in the document").hasSizeGreaterThanOrEqualTo(12);
        List<String> failures = ReadOperations.against(http, reads, callers, values, SCOPE,
                op -> CASHIER_READS.contains(op.path()) ? ReadOperations.WITH_CASHIER : ReadOperations.READERS);
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

package dev.kirana.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.inventory.reservation.ReservationService;
import dev.kirana.messaging.InboxProcessor;
import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TopicProbe;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** FIFO as a shop's choice: sales cost what their lots cost, stock is worth what its lots cost, switching keeps the value. */
@KiranaServiceTest
class FifoValuationTest {
    @Autowired
    WebTestClient http;
    @Autowired
    DatabaseClient db;
    @Autowired
    InboxProcessor inbox;
    @Autowired
    ReservationService reservations;

    InventoryApi api() {
        return new InventoryApi(http, db, inbox, reservations);
    }

    private void method(InventoryApi api, String method) {
        http.put().uri("/api/v1/inventory/settings").headers(h -> h.setBearerAuth(api.token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("valuationMethod", method)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.valuationMethod").isEqualTo(method).jsonPath("$.updatedBy").isEqualTo("u-owner");
    }

    @Test
    void underFifoASaleCostsWhatItsLotsCost() {
        var api = api();
        api.get("/api/v1/inventory/settings").expectBody().jsonPath("$.valuationMethod").isEqualTo("MOVING_AVERAGE");
        String manager = TestInfrastructure.get().jwt().token("u-m", api.shop, "MANAGER");
        http.put().uri("/api/v1/inventory/settings").headers(h -> h.setBearerAuth(manager)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("valuationMethod", "FIFO")).exchange().expectStatus().isForbidden();
        method(api, "FIFO");
        // the owner's change on the audit trail; the manager's refused one not
        assertThat(api.audit()).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("settings.changed");
            assertThat(a.entityType()).isEqualTo("inventory-settings");
            assertThat(a.actorId()).isEqualTo("u-owner");
            assertThat(a.before().get("valuationMethod").asString()).isEqualTo("MOVING_AVERAGE");
            assertThat(a.after().get("valuationMethod").asString()).isEqualTo("FIFO");
        });

        String dal = api.product("TOOR-FIFO");
        api.receive(dal, "10", "100.00").expectStatus().isCreated();
        api.receive(dal, "30", "120.00").expectStatus().isCreated().expectBody().jsonPath("$.averageCost").isEqualTo("115.0000");
        String order = UUID.randomUUID().toString();
        assertThat(api.reserve(order, Map.of(dal, "15"))).isTrue();
        api.commit(order);
        try (var probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.INVENTORY)) {
            var committed = probe.awaitUntil(rs -> rs.stream().anyMatch(r -> order.equals(r.key())
                            && EventTypes.STOCK_COMMITTED.equals(TopicProbe.header(r, "ce_type"))), Duration.ofSeconds(30))
                    .stream().filter(r -> order.equals(r.key()) && EventTypes.STOCK_COMMITTED.equals(TopicProbe.header(r, "ce_type")))
                    .map(KiranaEvents::fromRecord).findFirst().orElseThrow();
            // 10 at ₹100 and 5 at ₹120 = ₹1,600 for 15
            assertThat(KiranaEvents.data(committed, InventoryEvents.StockCommitted.class).lines().get(0).unitCost()).isEqualByComparingTo("106.6667");
        }
        assertThat(api.level(dal, null)).containsEntry("onHand", "25.000").containsEntry("averageCost", "120.0000");
        api.get("/api/v1/inventory/valuation").expectBody().jsonPath("$.method").isEqualTo("FIFO").jsonPath("$.totalValue").isEqualTo("3000.00");

        method(api, "MOVING_AVERAGE");
        api.receive(dal, "5", "90.00").expectStatus().isCreated().expectBody().jsonPath("$.averageCost").isEqualTo("115.0000"); // (25 × 120 + 5 × 90) / 30
        assertThat(api.consistent()).isTrue();
    }

    @Test
    void switchingToFifoKeepsTheValueOfTheStock() {
        var api = api();
        String oil = api.product("OIL-1L");
        api.receive(oil, "10", "100.00").expectStatus().isCreated();
        api.receive(oil, "10", "120.00").expectStatus().isCreated();
        api.get("/api/v1/inventory/valuation").expectBody().jsonPath("$.totalValue").isEqualTo("2200.00");
        method(api, "FIFO");
        api.get("/api/v1/inventory/valuation").expectBody().jsonPath("$.totalValue").isEqualTo("2200.00");
        assertThat(api.sell(oil, "5")).isTrue();
        api.get("/api/v1/inventory/ledger?productId=" + oil).expectBody().jsonPath("$[0].unitCost").isEqualTo("110.0000")
                .jsonPath("$[0].valueAfter").isEqualTo("1650.0000");
    }
}

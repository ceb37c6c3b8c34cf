package dev.kirana.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.inventory.reservation.ReservationService;
import dev.kirana.messaging.InboxProcessor;
import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.TestInfrastructure;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Locations, adjustments, counts, transfers, history, valuation and low stock, through the API against real PostgreSQL and Kafka. */
@KiranaServiceTest
class InventoryOperationsTest {
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

    @Test
    void transfersAdjustmentsAndACountEachLeaveAMovementInTheHistory() {
        var api = api();
        String atta = api.product("ATTA-10");
        var locations = api.get("/api/v1/inventory/locations").expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        assertThat(locations).singleElement().satisfies(l -> assertThat((Map<String, Object>) l).containsEntry("code", "COUNTER").containsEntry("isDefault", true));
        String counter = (String) ((Map<?, ?>) locations.get(0)).get("id");
        String godown = (String) api.json(api.post("/api/v1/inventory/locations", Map.of("code", "godown-1", "name", "Back godown", "kind", "GODOWN")), 201).get("id");
        api.post("/api/v1/inventory/locations", Map.of("code", "GODOWN-1", "name", "Again", "kind", "GODOWN")).expectStatus().isEqualTo(409);
        api.post("/api/v1/inventory/locations", Map.of("code", "X", "name", "Shed", "kind", "SHED")).expectStatus().isBadRequest();

        api.receive(atta, "50", "200.00", "locationId", godown).expectStatus().isCreated();
        var moved = api.json(api.post("/api/v1/inventory/transfers", Map.of("fromLocationId", godown, "toLocationId", counter,
                "lines", List.of(Map.of("productId", atta, "quantity", "20")), "note", "restock")), 201);
        assertThat((List<Map<String, Object>>) moved.get("movements")).extracting(m -> m.get("movement"), m -> m.get("quantity"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TRANSFER_OUT", "-20"), org.assertj.core.groups.Tuple.tuple("TRANSFER_IN", "20"));
        assertThat(api.level(atta, godown)).containsEntry("onHand", "30.000");
        assertThat(api.level(atta, counter)).containsEntry("onHand", "20.000").containsEntry("averageCost", "200.0000");

        api.post("/api/v1/inventory/transfers", Map.of("fromLocationId", counter, "toLocationId", counter,
                        "lines", List.of(Map.of("productId", atta, "quantity", "1"))))
                .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("toLocationId");
        api.post("/api/v1/inventory/transfers", Map.of("fromLocationId", godown, "toLocationId", counter,
                        "lines", List.of(Map.of("productId", atta, "quantity", "31"))))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/insufficient-stock")
                .jsonPath("$.available").isEqualTo("30.000");

        api.json(api.post("/api/v1/inventory/adjustments", Map.of("productId", atta, "reason", "DAMAGE", "quantity", "-2", "note", "torn bags")), 201);
        api.post("/api/v1/inventory/adjustments", Map.of("productId", atta, "reason", "LOSS", "quantity", "1"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");
        api.post("/api/v1/inventory/adjustments", Map.of("productId", atta, "reason", "THEFT", "quantity", "-1")).expectStatus().isBadRequest();
        var correction = api.json(api.post("/api/v1/inventory/adjustments", Map.of("productId", atta, "reason", "CORRECTION", "quantity", "1",
                "unitCost", "210.00")), 201);
        // (18 × 200 + 1 × 210) / 19 = 200.5263
        assertThat(correction).containsEntry("onHand", "19.000").containsEntry("averageCost", "200.5263");

        var count = api.json(api.post("/api/v1/inventory/counts", Map.of("lines", List.of(Map.of("productId", atta, "counted", "17")),
                "note", "month end")), 201);
        assertThat((List<Map<String, Object>>) count.get("lines")).singleElement().satisfies(l -> assertThat(l)
                .containsEntry("expected", "19.000").containsEntry("counted", "17.000").containsEntry("difference", "-2.000")
                .containsEntry("unitCost", "200.5263").containsEntry("value", "-401.0526"));
        assertThat(count).containsEntry("valueDifference", "-401.05");
        api.get("/api/v1/inventory/counts/" + count.get("id")).expectStatus().isOk().expectBody().jsonPath("$.lines[0].difference").isEqualTo("-2.000");

        api.get("/api/v1/inventory/ledger?productId=" + atta + "&locationId=" + counter).expectStatus().isOk().expectBody()
                .jsonPath("$[*].movement").isEqualTo(List.of("COUNT_ADJUSTMENT", "CORRECTION", "DAMAGE", "TRANSFER_IN"))
                .jsonPath("$[0].onHandAfter").isEqualTo("17.000").jsonPath("$[0].actor").isEqualTo("u-owner")
                .jsonPath("$[2].reason").isEqualTo("DAMAGE: torn bags").jsonPath("$[2].valueAfter").isEqualTo("3600.0000");

        // the audit trail: the transfer, the write-off, the correction and the count; none of the refused requests
        var audit = api.audit();
        assertThat(audit).extracting(dev.kirana.events.AuditEvents.AuditRecorded::action)
                .containsExactly("stock.transferred", "stock.written-off", "stock.adjusted", "stock.counted");
        assertThat(audit).allSatisfy(a -> {
            assertThat(a.actorId()).isEqualTo("u-owner");
            assertThat(a.sourceService()).isEqualTo("inventory-service");
        });
        var transfer = audit.get(0);
        assertThat(transfer.after().get("fromLocationId").asString()).isEqualTo(godown);
        assertThat(transfer.after().get("lines").get(0).get("productId").asString()).isEqualTo(atta);
        assertThat(new BigDecimal(transfer.after().get("lines").get(0).get("quantity").asString())).isEqualByComparingTo("20");
        // damage: 20 at the counter, 2 written off, 18 left
        var writtenOff = audit.get(1);
        assertThat(writtenOff.entityId()).isEqualTo(atta + "@" + counter);
        assertThat(new BigDecimal(writtenOff.before().get("onHand").asString())).isEqualByComparingTo("20");
        assertThat(new BigDecimal(writtenOff.after().get("onHand").asString())).isEqualByComparingTo("18");
        assertThat(new BigDecimal(writtenOff.after().get("change").asString())).isEqualByComparingTo("-2");
        assertThat(writtenOff.after().get("reason").asString()).isEqualTo("DAMAGE: torn bags");
        // correction: 18 + 1 = 19
        assertThat(new BigDecimal(audit.get(2).before().get("onHand").asString())).isEqualByComparingTo("18");
        assertThat(new BigDecimal(audit.get(2).after().get("onHand").asString())).isEqualByComparingTo("19");
        // count: 19 expected, 17 counted, 2 short
        var counted = audit.get(3);
        assertThat(counted.entityType()).isEqualTo("stock-count");
        assertThat(counted.entityId()).isEqualTo(count.get("id"));
        assertThat(new BigDecimal(counted.before().get("lines").get(0).get("expected").asString())).isEqualByComparingTo("19");
        assertThat(new BigDecimal(counted.after().get("lines").get(0).get("counted").asString())).isEqualByComparingTo("17");
        assertThat(new BigDecimal(counted.after().get("lines").get(0).get("difference").asString())).isEqualByComparingTo("-2");

        api.delete("/api/v1/inventory/locations/" + godown).expectStatus().isEqualTo(409);
        api.json(api.post("/api/v1/inventory/transfers", Map.of("fromLocationId", godown, "toLocationId", counter,
                "lines", List.of(Map.of("productId", atta, "quantity", "30")))), 201);
        api.delete("/api/v1/inventory/locations/" + godown).expectStatus().isNoContent();
        api.receive(atta, "1", "1", "locationId", godown).expectStatus().isEqualTo(422);
        api.delete("/api/v1/inventory/locations/" + counter).expectStatus().isEqualTo(409);
        assertThat(api.consistent()).isTrue();

        List<CloudEvent> events = api.events(atta, es -> es.stream().filter(e -> e.getType().equals(EventTypes.STOCK_ADJUSTED)).count() >= 7);
        assertThat(events.stream().filter(e -> e.getType().equals(EventTypes.STOCK_ADJUSTED))
                .map(e -> KiranaEvents.data(e, InventoryEvents.StockAdjusted.class).movement()))
                .containsExactly("TRANSFER_OUT", "TRANSFER_IN", "DAMAGE", "CORRECTION", "COUNT_ADJUSTMENT", "TRANSFER_OUT", "TRANSFER_IN");
        var damage = events.stream().filter(e -> e.getType().equals(EventTypes.STOCK_ADJUSTED))
                .map(e -> KiranaEvents.data(e, InventoryEvents.StockAdjusted.class)).filter(a -> a.movement().equals("DAMAGE")).findFirst().orElseThrow();
        assertThat(damage.quantity()).isEqualByComparingTo("-2");
        assertThat(damage.value()).isEqualByComparingTo("-400.00");
    }

    @Test
    void aCountWithAnArchivedOrUnknownProductOrBelowWhatIsReservedPostsNothing() {
        var api = api();
        String rice = api.product("RICE-5");
        String old = api.product("OLD-5", false, false, false, null, null);
        api.receive(rice, "10", "50").expectStatus().isCreated();

        api.post("/api/v1/inventory/counts", Map.of("lines", List.of(Map.of("productId", rice, "counted", "8"), Map.of("productId", old, "counted", "0"))))
                .expectStatus().isEqualTo(422).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/product-archived");
        api.post("/api/v1/inventory/counts", Map.of("lines", List.of(Map.of("productId", UUID.randomUUID().toString(), "counted", "1"))))
                .expectStatus().isNotFound();
        api.post("/api/v1/inventory/counts", Map.of("lines", List.of(Map.of("productId", rice, "counted", "-1")))).expectStatus().isBadRequest();
        api.post("/api/v1/inventory/counts", Map.of("lines", List.of(Map.of("productId", rice, "counted", "1"), Map.of("productId", rice, "counted", "2"))))
                .expectStatus().isBadRequest();
        api.post("/api/v1/inventory/counts", Map.of("lines", List.of())).expectStatus().isBadRequest();
        assertThat(api.reserve(UUID.randomUUID().toString(), Map.of(rice, "5"))).isTrue();
        api.post("/api/v1/inventory/counts", Map.of("lines", List.of(Map.of("productId", rice, "counted", "3"))))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("below the 5 reserved"));
        api.post("/api/v1/inventory/adjustments", Map.of("productId", rice, "reason", "LOSS", "quantity", "-6"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/insufficient-stock");

        assertThat(api.level(rice, null)).containsEntry("onHand", "10.000").containsEntry("reserved", "5.000");
        api.get("/api/v1/inventory/ledger?productId=" + rice).expectBody().jsonPath("$.length()").isEqualTo(1);
        assertThat(db.sql("SELECT count(*) AS n FROM stock_counts WHERE shop_id = :s").bind("s", api.shop)
                .map(r -> r.get("n", Long.class)).one().block()).isZero();

        String cashier = TestInfrastructure.get().jwt().token("u-c", api.shop, "CASHIER");
        http.post().uri("/api/v1/inventory/adjustments").headers(h -> { h.setBearerAuth(cashier); h.set("Idempotency-Key", "k1"); })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("productId", rice, "reason", "LOSS", "quantity", "-1"))
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/v1/inventory/adjustments").headers(h -> h.setBearerAuth(api.token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("productId", rice, "reason", "LOSS", "quantity", "-1"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
    }

    @Test
    void valuationByCategoryAndLowStockAnnouncedOncePerFall() {
        var api = api();
        String dal = api.product("DAL-1", true, false, false, "10", "Groceries > Dals");
        String soap = api.product("SOAP-1", true, false, false, null, "Personal care");
        String salt = api.product("SALT-1");
        api.receive(dal, "12", "100.00").expectStatus().isCreated();
        api.receive(soap, "5", "40.00").expectStatus().isCreated();
        api.receive(salt, "20", "18.50").expectStatus().isCreated();

        assertThat(api.sell(dal, "2")).isTrue();
        assertThat(api.sell(dal, "1")).isTrue();
        api.get("/api/v1/inventory/low-stock").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].sku").isEqualTo("DAL-1").jsonPath("$[0].available").isEqualTo("9.000").jsonPath("$[0].shortBy").isEqualTo("1.000");

        api.get("/api/v1/inventory/valuation").expectStatus().isOk().expectBody()
                .jsonPath("$.method").isEqualTo("MOVING_AVERAGE")
                .jsonPath("$.totalValue").isEqualTo("1470.00")
                .jsonPath("$.categories[*].categoryPath").isEqualTo(List.of("Groceries > Dals", "Personal care", "Uncategorised"))
                .jsonPath("$.categories[*].value").isEqualTo(List.of("900.00", "200.00", "370.00"))
                .jsonPath("$.products[0].quantity").isEqualTo("9.000").jsonPath("$.products[0].unitCost").isEqualTo("100.0000");

        // restocked above the level, then sold down to it again: a second announcement
        api.receive(dal, "5", "100.00").expectStatus().isCreated();
        api.get("/api/v1/inventory/low-stock").expectBody().jsonPath("$.length()").isEqualTo(0);
        assertThat(api.sell(dal, "5")).isTrue();
        List<CloudEvent> lows = api.events(dal, es -> es.stream().filter(e -> e.getType().equals(EventTypes.STOCK_LOW)).count() >= 2)
                .stream().filter(e -> e.getType().equals(EventTypes.STOCK_LOW)).toList();
        assertThat(lows).hasSize(2);
        var first = KiranaEvents.data(lows.get(0), InventoryEvents.StockLow.class);
        assertThat(first.available()).isEqualByComparingTo("10");
        assertThat(first.reorderLevel()).isEqualByComparingTo("10");
        assertThat(first.sku()).isEqualTo("DAL-1");
        assertThat(KiranaEvents.data(lows.get(1), InventoryEvents.StockLow.class).available()).isEqualByComparingTo("9");

        // the catalog raises salt's reorder level above its 20 in stock: low without any stock moving
        api.publishProduct(EventTypes.PRODUCT_UPDATED, salt, "SALT-1", 1, true, false, false, "25", null);
        var saltLow = api.events(salt, es -> es.stream().anyMatch(e -> e.getType().equals(EventTypes.STOCK_LOW))).stream()
                .filter(e -> e.getType().equals(EventTypes.STOCK_LOW)).toList();
        assertThat(saltLow).singleElement().satisfies(e -> assertThat(KiranaEvents.data(e, InventoryEvents.StockLow.class).available())
                .isEqualByComparingTo("20"));
        assertThat(api.consistent()).isTrue();
    }

    @Test
    void everyEndpointIsInTheOpenApiDocument() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/inventory/receipts'].post").exists()
                .jsonPath("$.paths['/api/v1/inventory/adjustments'].post").exists()
                .jsonPath("$.paths['/api/v1/inventory/counts'].post").exists()
                .jsonPath("$.paths['/api/v1/inventory/transfers'].post").exists()
                .jsonPath("$.paths['/api/v1/inventory/returns'].post").exists()
                .jsonPath("$.paths['/api/v1/inventory/locations'].post").exists()
                .jsonPath("$.paths['/api/v1/inventory/valuation'].get").exists()
                .jsonPath("$.paths['/api/v1/inventory/low-stock'].get").exists()
                .jsonPath("$.paths['/api/v1/inventory/ledger'].get").exists()
                .jsonPath("$.paths['/api/v1/inventory/settings'].put").exists();
    }
}

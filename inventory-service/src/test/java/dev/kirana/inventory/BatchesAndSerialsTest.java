package dev.kirana.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.inventory.reservation.ReservationService;
import dev.kirana.inventory.stock.StockService;
import dev.kirana.messaging.InboxProcessor;
import dev.kirana.testing.KiranaServiceTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Perishables sold first-expiry-first-out with expired stock unsellable; serial units sold once and returned once. */
@KiranaServiceTest
class BatchesAndSerialsTest {
    @Autowired
    WebTestClient http;
    @Autowired
    DatabaseClient db;
    @Autowired
    InboxProcessor inbox;
    @Autowired
    ReservationService reservations;
    @Autowired
    StockService stock;

    InventoryApi api() {
        return new InventoryApi(http, db, inbox, reservations);
    }

    @Test
    void perishablesGoFirstExpiryFirstOutAndExpiredStockIsNotSold() {
        var api = api();
        LocalDate today = stock.today();
        String milk = api.product("MILK-500", true, true, false, null, "Dairy");
        api.receive(milk, "10", "26.00").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("expiryDate");
        api.receive(milk, "10", "26.00", "expiryDate", today.minusDays(1).toString()).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/expired-goods");
        // the later-expiring batch arrives first
        api.receive(milk, "10", "26.00", "batchNo", "M-LATE", "expiryDate", today.plusDays(5).toString()).expectStatus().isCreated();
        api.receive(milk, "6", "25.50", "batchNo", "M-SOON", "expiryDate", today.plusDays(2).toString()).expectStatus().isCreated()
                .expectBody().jsonPath("$.averageCost").isEqualTo("25.8125"); // (10 × 26 + 6 × 25.50) / 16

        String order = UUID.randomUUID().toString();
        assertThat(api.reserve(order, Map.of(milk, "8"))).isTrue();
        api.commit(order);
        api.get("/api/v1/inventory/ledger?productId=" + milk).expectBody()
                .jsonPath("$[0].movement").isEqualTo("SALE").jsonPath("$[0].quantity").isEqualTo("-8.000")
                .jsonPath("$[0].unitCost").isEqualTo("25.8125").jsonPath("$[0].cause").isEqualTo("order:" + order)
                .jsonPath("$[0].lots[*].batchNo").isEqualTo(List.of("M-LATE", "M-SOON"))
                .jsonPath("$[0].lots[?(@.batchNo=='M-SOON')].quantity").isEqualTo(List.of("6.000"))
                .jsonPath("$[0].lots[?(@.batchNo=='M-LATE')].quantity").isEqualTo(List.of("2.000"));
        api.get("/api/v1/inventory/batches?productId=" + milk).expectBody()
                .jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].batchNo").isEqualTo("M-LATE").jsonPath("$[0].remaining").isEqualTo("8.000");

        // five days pass: the last batch is past its date
        db.sql("UPDATE stock_lots SET expiry_date = :d WHERE shop_id = :s AND batch_no = 'M-LATE'")
                .bind("d", today.minusDays(1)).bind("s", api.shop).then().block();
        assertThat(api.level(milk, null)).containsEntry("onHand", "8.000").containsEntry("expired", "8.000").containsEntry("sellable", "0.000");
        assertThat(api.reserve(UUID.randomUUID().toString(), Map.of(milk, "1"))).isFalse();
        api.get("/api/v1/inventory/batches?productId=" + milk + "&expiringWithinDays=0").expectBody().jsonPath("$[0].expired").isEqualTo(true);
        api.post("/api/v1/inventory/transfers", Map.of("fromLocationId", api.level(milk, null).get("locationId"),
                        "toLocationId", api.json(api.post("/api/v1/inventory/locations", Map.of("code", "COLD-1", "name", "Cold room", "kind", "GODOWN")), 201).get("id"),
                        "lines", List.of(Map.of("productId", milk, "quantity", "1"))))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("unexpired"));
        api.json(api.post("/api/v1/inventory/adjustments", Map.of("productId", milk, "reason", "DAMAGE", "quantity", "-8", "batchNo", "M-LATE",
                "note", "expired")), 201);
        assertThat(api.level(milk, null)).containsEntry("onHand", "0.000");
        assertThat(api.consistent()).isTrue();
    }

    @Test
    void aSerialUnitIsSoldOnceAndReturnedOnce() {
        var api = api();
        String phone = api.product("PHONE-A15", true, false, true, null, "Mobiles");
        api.receive(phone, "2", "11000", "serials", List.of("356938035643809")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("serials");
        api.receive(phone, "1.5", "11000", "serials", List.of("A", "B")).expectStatus().isBadRequest();
        api.receive(phone, "2", "11000.00", "serials", List.of("356938035643809", "356938035643817")).expectStatus().isCreated();
        api.receive(phone, "1", "11000.00", "serials", List.of("356938035643817")).expectStatus().isEqualTo(409);

        String order = UUID.randomUUID().toString();
        assertThat(api.reserve(order, Map.of(phone, "1.5"))).as("phones sell in whole units").isFalse();
        assertThat(api.reserve(order + "-2", Map.of(phone, "1"))).isTrue();
        api.commit(order + "-2");
        api.get("/api/v1/inventory/serials?productId=" + phone + "&status=SOLD").expectBody()
                .jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].serial").isEqualTo("356938035643809").jsonPath("$[0].timesSold").isEqualTo(1);

        // the unit sold comes back once, at the cost it was sold at
        var back = api.json(api.post("/api/v1/inventory/returns", Map.of("productId", phone, "quantity", "1", "orderId", order + "-2",
                "serials", List.of("356938035643809"), "reason", "screen flicker")), 201);
        assertThat(back).containsEntry("movement", "CUSTOMER_RETURN").containsEntry("unitCost", "11000.0000").containsEntry("onHand", "2.000");
        api.post("/api/v1/inventory/returns", Map.of("productId", phone, "quantity", "1", "orderId", order + "-2",
                "serials", List.of("356938035643809"))).expectStatus().isEqualTo(422);
        api.post("/api/v1/inventory/returns", Map.of("productId", phone, "quantity", "1", "serials", List.of("356938035643809")))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("in stock and cannot be returned"));
        api.post("/api/v1/inventory/returns", Map.of("productId", phone, "quantity", "1", "serials", List.of("999999999999999")))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("never sold"));

        // a unit written off cannot be sold; moving a unit needs its serial
        api.json(api.post("/api/v1/inventory/adjustments", Map.of("productId", phone, "reason", "DAMAGE", "quantity", "-1",
                "serials", List.of("356938035643817"))), 201);
        api.post("/api/v1/inventory/adjustments", Map.of("productId", phone, "reason", "LOSS", "quantity", "-1")).expectStatus().isBadRequest();
        api.post("/api/v1/inventory/adjustments", Map.of("productId", phone, "reason", "LOSS", "quantity", "-1",
                "serials", List.of("356938035643817"))).expectStatus().isEqualTo(422);
        String shelf = (String) api.json(api.post("/api/v1/inventory/locations", Map.of("code", "SAFE", "name", "Safe", "kind", "WAREHOUSE")), 201).get("id");
        api.json(api.post("/api/v1/inventory/transfers", Map.of("fromLocationId", api.level(phone, null).get("locationId"), "toLocationId", shelf,
                "lines", List.of(Map.of("productId", phone, "quantity", "1", "serials", List.of("356938035643809"))))), 201);
        api.get("/api/v1/inventory/serials?productId=" + phone + "&serial=356938035643809").expectBody()
                .jsonPath("$[0].status").isEqualTo("IN_STOCK").jsonPath("$[0].locationId").isEqualTo(shelf)
                .jsonPath("$[0].timesReturned").isEqualTo(1).jsonPath("$[0].ledgerIds.length()").isEqualTo(5);
        assertThat(api.consistent()).isTrue();

        var returned = api.events(phone, es -> es.stream().anyMatch(e -> e.getType().equals(EventTypes.STOCK_ADJUSTED))).stream()
                .filter(e -> e.getType().equals(EventTypes.STOCK_ADJUSTED)).findFirst().orElseThrow();
        assertThat(KiranaEvents.data(returned, InventoryEvents.StockAdjusted.class).movement()).isEqualTo("CUSTOMER_RETURN");
    }

    @Test
    void aCountOfSerialUnitsWritesOffTheMissingAndTakesBackTheFound() {
        var api = api();
        String phone = api.product("PHONE-B", true, false, true, null, null);
        api.receive(phone, "3", "8000", "serials", List.of("SN-1", "SN-2", "SN-3")).expectStatus().isCreated();
        api.json(api.post("/api/v1/inventory/adjustments", Map.of("productId", phone, "reason", "LOSS", "quantity", "-1", "serials", List.of("sn-3"))), 201);
        api.post("/api/v1/inventory/counts", Map.of("lines", List.of(Map.of("productId", phone, "counted", "2", "serials", List.of("SN-1")))))
                .expectStatus().isBadRequest();
        // SN-2 is gone, SN-3 (written off) turned up
        var count = api.json(api.post("/api/v1/inventory/counts", Map.of("lines", List.of(Map.of("productId", phone, "counted", "2",
                "serials", List.of("SN-1", "SN-3"))))), 201);
        assertThat(count.get("lines").toString()).contains("difference=0.000");
        api.get("/api/v1/inventory/serials?productId=" + phone).expectBody()
                .jsonPath("$[*].status").isEqualTo(List.of("IN_STOCK", "WRITTEN_OFF", "IN_STOCK"));
        assertThat(api.consistent()).isTrue();
    }
}

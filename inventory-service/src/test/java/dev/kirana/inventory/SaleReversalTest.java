package dev.kirana.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.inventory.reservation.ReservationService;
import dev.kirana.messaging.InboxProcessor;
import dev.kirana.testing.KiranaServiceTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** order.voided restocks a sale, order.refunded its RESTOCK lines — at the sold cost, once, whatever is replayed. */
@KiranaServiceTest
class SaleReversalTest {
    @Autowired
    WebTestClient http;
    @Autowired
    DatabaseClient db;
    @Autowired
    InboxProcessor inbox;
    @Autowired
    ReservationService reservations;

    private static OrderEvents.OrderLine line(String productId, String qty) {
        return new OrderEvents.OrderLine(productId, "S", "n", new BigDecimal(qty), BigDecimal.TEN, BigDecimal.TEN);
    }

    /** @return the event's id */
    private String publish(InventoryApi api, String orderId, String type, Object data) {
        var event = KiranaEvents.event(type, "test", orderId, api.shop, data);
        try {
            InventoryApi.producer().send(KiranaEvents.toRecord(Topics.ORDER, orderId, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return event.getId();
    }

    private void awaitOnHand(InventoryApi api, String productId, String onHand) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.level(productId, null)).containsEntry("onHand", onHand));
    }

    @Test
    void aVoidedSaleComesBackAtItsCostOnlyOnce() {
        var api = api();
        String sugar = api.product("SUGAR-V");
        api.receive(sugar, "10", "40.00").expectStatus().isCreated();
        String order = UUID.randomUUID().toString();
        assertThat(api.reserve(order, Map.of(sugar, "6"))).isTrue();
        api.commit(order);
        api.receive(sugar, "4", "46.00").expectStatus().isCreated(); // the average moves on to 43.0000

        var voided = new OrderEvents.OrderVoided(order, "INV/26-27/9", "wrong customer", "u-manager", Instant.now(), "INR", null,
                List.of(line(sugar, "6")), new BigDecimal("300"), "TAX_INVOICE", "29", "INTRA_STATE", null, List.of(),
                new BigDecimal("285.71"), new BigDecimal("7.14"), new BigDecimal("7.15"), BigDecimal.ZERO, BigDecimal.ZERO, null);
        publish(api, order, EventTypes.ORDER_VOIDED, voided);
        awaitOnHand(api, sugar, "14.000");
        // a second void of the same sale (a replay under a new event id) finds nothing left to restock; a late
        // cancel of the sold order releases nothing. Events of one order are handled in order: once the cancel is in, so is the void.
        publish(api, order, EventTypes.ORDER_VOIDED, voided);
        String cancel = publish(api, order, EventTypes.ORDER_CANCELLED, new OrderEvents.OrderCancelled(order, "after the fact"));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("SELECT count(*) AS n FROM kirana_inbox WHERE event_id = :id")
                .bind("id", cancel).map(r -> r.get("n", Long.class)).one().block() > 0);
        api.get("/api/v1/inventory/ledger?productId=" + sugar).expectBody()
                .jsonPath("$[?(@.movement=='CUSTOMER_RETURN')].quantity").isEqualTo(List.of("6.000"))
                .jsonPath("$[?(@.movement=='CUSTOMER_RETURN')].unitCost").isEqualTo(List.of("40.0000"))
                .jsonPath("$[?(@.movement=='CUSTOMER_RETURN')].actor").isEqualTo(List.of("u-manager"));
        assertThat(api.level(sugar, null)).containsEntry("onHand", "14.000");
        assertThat(api.consistent()).isTrue();
    }

    @Test
    void aRefundRestocksItsRestockLinesAndItsSerialUnits() {
        var api = api();
        String ghee = api.product("GHEE-R", true, true, false, null, null);
        String phone = api.product("PHONE-R", true, false, true, null, null);
        String expiry = java.time.LocalDate.now().plusMonths(6).toString();
        api.receive(ghee, "10", "500.00", "batchNo", "G-77", "expiryDate", expiry).expectStatus().isCreated();
        api.receive(phone, "2", "9000.00", "serials", List.of("IMEI-1", "IMEI-2")).expectStatus().isCreated();
        String order = UUID.randomUUID().toString();
        assertThat(api.reserve(order, Map.of(ghee, "4", phone, "1"))).isTrue();
        api.commit(order);

        var refund = new OrderEvents.OrderRefunded(order, "r-1", "CN/26-27/1", "INV/26-27/10", "leaking tin", "u-owner", Instant.now(), "INR",
                null, List.of(
                new OrderEvents.RefundLine(1, ghee, "GHEE-R", "Ghee", "0405", new BigDecimal("1"), new BigDecimal("5"), new BigDecimal("476.19"),
                        new BigDecimal("11.90"), new BigDecimal("11.91"), BigDecimal.ZERO, new BigDecimal("500"), "RESTOCK"),
                new OrderEvents.RefundLine(1, ghee, "GHEE-R", "Ghee", "0405", new BigDecimal("1"), new BigDecimal("5"), new BigDecimal("476.19"),
                        new BigDecimal("11.90"), new BigDecimal("11.91"), BigDecimal.ZERO, new BigDecimal("500"), "WRITE_OFF"),
                new OrderEvents.RefundLine(2, phone, "PHONE-R", "Phone", "8517", new BigDecimal("1"), new BigDecimal("18"), new BigDecimal("9000"),
                        new BigDecimal("810"), new BigDecimal("810"), BigDecimal.ZERO, new BigDecimal("10620"), "RESTOCK")),
                new BigDecimal("11620"), "TAX_INVOICE", "29", "INTRA_STATE", null,
                new OrderEvents.Tender("CASH", new BigDecimal("11620"), null, null, null, null),
                new BigDecimal("9952.38"), new BigDecimal("833.81"), new BigDecimal("833.81"), BigDecimal.ZERO, BigDecimal.ZERO, null, false);
        publish(api, order, EventTypes.ORDER_REFUNDED, refund);
        awaitOnHand(api, phone, "2.000");
        assertThat(api.level(ghee, null)).containsEntry("onHand", "7.000");
        api.get("/api/v1/inventory/ledger?productId=" + ghee).expectBody()
                .jsonPath("$[0].movement").isEqualTo("CUSTOMER_RETURN").jsonPath("$[0].lots[0].batchNo").isEqualTo("G-77")
                .jsonPath("$[0].lots[0].expiryDate").isEqualTo(expiry).jsonPath("$[0].unitCost").isEqualTo("500.0000");
        api.get("/api/v1/inventory/serials?productId=" + phone).expectBody()
                .jsonPath("$[*].status").isEqualTo(List.of("IN_STOCK", "IN_STOCK"))
                .jsonPath("$[0].timesSold").isEqualTo(1).jsonPath("$[0].timesReturned").isEqualTo(1);
        assertThat(api.consistent()).isTrue();
    }

    InventoryApi api() {
        return new InventoryApi(http, db, inbox, reservations);
    }
}

package dev.kirana.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.CatalogEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxRelay;
import dev.kirana.order.saga.OverdueOrderSweeper;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The order side of the saga. Nobody plays inventory for this test's shop: each test publishes inventory's answers
 * (or withholds them) on the inventory topic by hand, exactly as inventory-service would publish them.
 */
class OrderSagaTest extends OrderServiceTestBase {
    static final String SHOP = "shop-" + UUID.randomUUID();
    static final String PRODUCT = UUID.randomUUID().toString();
    static final String ARCHIVED = UUID.randomUUID().toString();
    static TopicProbe orderTopic;

    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    OutboxRelay relay;
    @Autowired
    OverdueOrderSweeper sweeper;

    String cashier = token("u-cashier", SHOP, "CASHIER");

    @BeforeAll
    static void catalog() {
        publish(Topics.CATALOG, PRODUCT, SHOP, EventTypes.PRODUCT_CREATED, new CatalogEvents.ProductChanged(PRODUCT, "ATTA-5", "890100000001",
                "Atta 5kg", "1101", new BigDecimal("5"), new BigDecimal("245.50"), new BigDecimal("260"), true, "PCS", true, 0));
        publish(Topics.CATALOG, ARCHIVED, SHOP, EventTypes.PRODUCT_CREATED, new CatalogEvents.ProductChanged(ARCHIVED, "OLD-1", null,
                "Old soap", "3401", new BigDecimal("18"), new BigDecimal("30"), null, true, "PCS", false, 3));
        orderTopic = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.ORDER);
    }

    @AfterAll
    static void close() {
        orderTopic.close();
    }

    WebTestClient.ResponseSpec place(String key, String prefer, Object body) {
        return post("/api/v1/orders", cashier, key, prefer, body);
    }

    Map<String, Object> twoAtta() {
        return Map.of("lines", List.of(Map.of("productId", PRODUCT, "quantity", "2")));
    }

    /** Places an order once the replica knows the product (the catalog event may still be on its way). */
    String placePending() {
        String key = UUID.randomUUID().toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> place(key, null, twoAtta()).returnResult(String.class).getStatus().value() == 202);
        return (String) place(key, null, twoAtta()).expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    Map<?, ?> order(String id) {
        return get("/api/v1/orders/" + id, cashier);
    }

    List<CloudEvent> orderEvents(String orderId, int atLeast) {
        List<ConsumerRecord<String, byte[]>> rs = orderTopic.awaitUntil(
                seen -> seen.stream().filter(r -> orderId.equals(r.key())).count() >= atLeast, Duration.ofSeconds(30));
        return eventsOf(rs, orderId);
    }

    CloudEvent reserved(String id) {
        return KiranaEvents.event(EventTypes.STOCK_RESERVED, "test-inventory", id, SHOP, new InventoryEvents.StockReserved(id, "loc",
                List.of(new InventoryEvents.StockLine(PRODUCT, new BigDecimal("2")))));
    }

    @Test
    void placedOrderIsPricedFromTheReplicaAndConfirmedWhenStockIsReserved() {
        String id = placePending();
        Map<?, ?> pending = order(id);
        assertThat(pending.get("status")).isEqualTo("PENDING");
        assertThat(pending.get("total")).isEqualTo("491.00");
        assertThat(pending.get("invoiceNumber")).isNull();

        CloudEvent placed = orderEvents(id, 1).get(0);
        assertThat(placed.getType()).isEqualTo(EventTypes.ORDER_PLACED);
        assertThat(SCHEMAS.validate(placed)).isEmpty();

        CloudEvent reserved = reserved(id);
        publish(Topics.INVENTORY, id, reserved);
        publish(Topics.INVENTORY, id, reserved); // redelivered: no second effect
        await().atMost(Duration.ofSeconds(30)).until(() -> "CONFIRMED".equals(order(id).get("status")));
        assertThat((String) order(id).get("invoiceNumber")).matches("INV/[0-9]{4}/[0-9]{5}");

        List<CloudEvent> events = orderEvents(id, 2);
        assertThat(events).extracting(CloudEvent::getType).containsExactly(EventTypes.ORDER_PLACED, EventTypes.ORDER_CONFIRMED);
        events.forEach(e -> assertThat(SCHEMAS.validate(e)).isEmpty());
    }

    @Test
    void preferWaitReturnsTheFinalStateAndRejectionCarriesTheShortLines() {
        // answer as inventory would, as soon as the order is placed
        Thread inventory = new Thread(() -> {
            try (var probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.ORDER)) {
                var rs = probe.awaitUntil(seen -> seen.stream().anyMatch(r -> "7".equals(qty(r))), Duration.ofSeconds(60));
                rs.stream().filter(r -> "7".equals(qty(r))).forEach(r -> publish(Topics.INVENTORY, r.key(), SHOP,
                        EventTypes.STOCK_RESERVATION_REJECTED, new InventoryEvents.StockReservationRejected(r.key(), "loc",
                                List.of(new InventoryEvents.ShortLine(PRODUCT, new BigDecimal("7"), new BigDecimal("3"))))));
            }
        });
        inventory.start();
        String key = UUID.randomUUID().toString();
        Map<String, Object> seven = Map.of("lines", List.of(Map.of("productId", PRODUCT, "quantity", "7")));
        await().atMost(Duration.ofSeconds(30)).until(() -> place(key, "wait=10", seven).returnResult(String.class).getStatus().is2xxSuccessful());
        place(key, "wait=10", seven).expectStatus().isCreated()
                .expectHeader().valueEquals("Preference-Applied", "wait=10")
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.status").isEqualTo("REJECTED")
                .jsonPath("$.reason").isEqualTo("insufficient stock")
                .jsonPath("$.invoiceNumber").doesNotExist();
    }

    @Test
    void theConfirmedAnswerToPreferWaitIsTheOrderAsStored() {
        // answer as inventory would: every placement of 4 units is reserved as soon as it is seen
        Thread inventory = new Thread(() -> {
            try (var probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.ORDER)) {
                var rs = probe.awaitUntil(seen -> seen.stream().anyMatch(r -> "4".equals(qty(r))), Duration.ofSeconds(60));
                rs.stream().filter(r -> "4".equals(qty(r))).forEach(r -> publish(Topics.INVENTORY, r.key(), SHOP,
                        EventTypes.STOCK_RESERVED, new InventoryEvents.StockReserved(r.key(), "loc",
                                List.of(new InventoryEvents.StockLine(PRODUCT, new BigDecimal("4"))))));
            }
        });
        inventory.start();
        String key = UUID.randomUUID().toString();
        Map<String, Object> four = Map.of("lines", List.of(Map.of("productId", PRODUCT, "quantity", "4")),
                "tenders", List.of(Map.of("type", "CASH", "amount", "1000")));
        java.util.concurrent.atomic.AtomicReference<Map<?, ?>> answer = new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var result = place(key, "wait=10", four).returnResult(Map.class);
            if (result.getStatus().value() != 201) {
                return false;
            }
            answer.set(result.getResponseBody().blockFirst(Duration.ofSeconds(5)));
            return true;
        });
        // 4 × 245.50 inclusive of 5% GST = 982.00; 1,000 tendered in cash, 18.00 change
        assertThat(answer.get().get("status")).isEqualTo("CONFIRMED");
        assertThat(answer.get().get("total")).isEqualTo("982.00");
        assertThat((String) answer.get().get("invoiceNumber")).matches("INV/[0-9]{4}/[0-9]{5}");
        assertThat(order((String) answer.get().get("id"))).as("the order read back").isEqualTo(answer.get());
    }

    private static String qty(ConsumerRecord<String, byte[]> r) {
        CloudEvent e = KiranaEvents.fromRecord(r);
        if (!EventTypes.ORDER_PLACED.equals(e.getType())) return null;
        var placed = KiranaEvents.data(e, OrderEvents.OrderPlaced.class);
        return placed.lines().get(0).quantity().stripTrailingZeros().toPlainString();
    }

    @Test
    void pendingOrderTimesOutAndALateReservationChangesNothing() {
        String id = placePending();
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(order(id).get("status")));
        publish(Topics.INVENTORY, id, reserved(id));
        List<CloudEvent> events = orderEvents(id, 2);
        assertThat(events).extracting(CloudEvent::getType).containsExactly(EventTypes.ORDER_PLACED, EventTypes.ORDER_CANCELLED);
        assertThat(SCHEMAS.validate(events.get(1))).isEmpty();
        // the late reservation was consumed; the order stays cancelled (inventory releases it on order.cancelled)
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> "CANCELLED".equals(order(id).get("status")));
        assertThat(order(id).get("invoiceNumber")).isNull();
    }

    @Test
    void duplicatedAndReorderedAnswersEndInExactlyOneOutcome() {
        String id = placePending();
        CloudEvent first = reserved(id);
        publish(Topics.INVENTORY, id, first);
        publish(Topics.INVENTORY, id, first); // the same event again
        publish(Topics.INVENTORY, id, SHOP, EventTypes.STOCK_RESERVATION_REJECTED, // a contradicting answer, late
                new InventoryEvents.StockReservationRejected(id, "loc", List.of(new InventoryEvents.ShortLine(PRODUCT, new BigDecimal("2"), BigDecimal.ZERO))));
        publish(Topics.INVENTORY, id, reserved(id)); // the same answer under a new event id
        await().atMost(Duration.ofSeconds(30)).until(() -> "CONFIRMED".equals(order(id).get("status")));
        String invoice = (String) order(id).get("invoiceNumber");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                "CONFIRMED".equals(order(id).get("status")) && invoice.equals(order(id).get("invoiceNumber")));
        assertThat(orderEvents(id, 2)).extracting(CloudEvent::getType).containsExactly(EventTypes.ORDER_PLACED, EventTypes.ORDER_CONFIRMED);
    }

    @Test
    void catalogEventsOutOfOrderKeepTheNewestProduct() {
        String id = UUID.randomUUID().toString();
        publish(Topics.CATALOG, id, SHOP, EventTypes.PRODUCT_UPDATED, new CatalogEvents.ProductChanged(id, "DAL-1", null, "Toor dal 1 kg",
                "0713", new BigDecimal("0"), new BigDecimal("150.00"), null, false, "PCS", true, 3));
        publish(Topics.CATALOG, id, SHOP, EventTypes.PRODUCT_CREATED, new CatalogEvents.ProductChanged(id, "DAL-1", null, "Toor dal 1 kg",
                "0713", new BigDecimal("0"), new BigDecimal("120.00"), null, false, "PCS", true, 1));
        // a marker product behind them on the same partition (same key): once it is known, both were applied
        String marker = UUID.randomUUID().toString();
        publish(Topics.CATALOG, id, SHOP, EventTypes.PRODUCT_CREATED, new CatalogEvents.ProductChanged(marker, "MARK-1", null, "Marker",
                null, new BigDecimal("0"), new BigDecimal("1.00"), null, false, "PCS", true, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> place(UUID.randomUUID().toString(), null,
                Map.of("lines", List.of(Map.of("productId", marker, "quantity", "1")), "tenders", List.of(Map.of("type", "CARD", "amount", "0.01"))))
                .expectBody(String.class).returnResult().getResponseBody().contains("\"tenders\""));
        Map<String, Object> dal = Map.of("lines", List.of(Map.of("productId", id, "quantity", "1")));
        place(UUID.randomUUID().toString(), null, dal).expectStatus().isAccepted()
                .expectBody().jsonPath("$.lines[0].unitPrice").isEqualTo("150.00").jsonPath("$.total").isEqualTo("150.00");
    }

    /**
     * order-service goes down mid-saga (its listeners, outbox relay and overdue sweeper stop; the database keeps what
     * was committed) while inventory answers, twice. Back up, it confirms the order exactly once.
     */
    @Test
    void restartedMidSagaTheOrderIsConfirmedExactlyOnce() {
        String id = placePending();
        orderEvents(id, 1); // order.placed is out
        stop();
        try {
            CloudEvent answer = reserved(id);
            publish(Topics.INVENTORY, id, answer);
            publish(Topics.INVENTORY, id, answer);
            assertThat(order(id).get("status")).isEqualTo("PENDING");
        } finally {
            relay.start();
            listeners.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "CONFIRMED".equals(order(id).get("status")));
        sweeper.start();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> "CONFIRMED".equals(order(id).get("status")));
        assertThat(orderEvents(id, 2)).extracting(CloudEvent::getType).containsExactly(EventTypes.ORDER_PLACED, EventTypes.ORDER_CONFIRMED);
    }

    /** Down past the order's deadline: back up, the sweeper cancels it first and the reservation waiting for it changes nothing. */
    @Test
    void restartedAfterTheDeadlineTheOrderIsCancelledExactlyOnce() {
        String id = placePending();
        orderEvents(id, 1);
        Instant deadline = Instant.parse((String) order(id).get("deadline"));
        stop();
        try {
            publish(Topics.INVENTORY, id, reserved(id));
            await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(deadline.plusMillis(200)));
            sweeper.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(order(id).get("status")));
        } finally {
            sweeper.start();
            relay.start();
            listeners.start();
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> "CANCELLED".equals(order(id).get("status")));
        assertThat(orderEvents(id, 2)).extracting(CloudEvent::getType).containsExactly(EventTypes.ORDER_PLACED, EventTypes.ORDER_CANCELLED);
    }

    private void stop() {
        listeners.stop();
        relay.stop();
        sweeper.stop();
    }

    @Test
    void aPendingOrderCanBeCancelledAtTheCounterOnce() {
        String id = placePending();
        post("/api/v1/orders/" + id + "/cancel", cashier, null, null, Map.of("reason", "customer left"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED").jsonPath("$.reason").isEqualTo("customer left");
        post("/api/v1/orders/" + id + "/cancel", cashier, null, null, Map.of())
                .expectStatus().isEqualTo(409).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        List<CloudEvent> events = orderEvents(id, 2);
        assertThat(events).extracting(CloudEvent::getType).containsExactly(EventTypes.ORDER_PLACED, EventTypes.ORDER_CANCELLED);
        assertThat(KiranaEvents.data(events.get(1), OrderEvents.OrderCancelled.class).cancelledBy()).isEqualTo("u-cashier");
        assertThat(SCHEMAS.validate(events.get(1))).isEmpty();
        publish(Topics.INVENTORY, id, reserved(id)); // inventory's answer crossed the cancel: it changes nothing
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> "CANCELLED".equals(order(id).get("status")));
    }

    @Test
    void idempotencyKeyReplaysTheSameOrderAndRefusesADifferentBody() {
        String id = placePending();
        // placePending used its key twice already; a fresh key with the same body is a new order
        String key = UUID.randomUUID().toString();
        String first = (String) place(key, null, twoAtta()).expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody().get("id");
        String again = (String) place(key, null, twoAtta()).expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        assertThat(again).isEqualTo(first).isNotEqualTo(id);
        place(key, null, Map.of("lines", List.of(Map.of("productId", PRODUCT, "quantity", "3"))))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        place(null, null, twoAtta()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
    }

    @Test
    void badLinesAreProblemsAndNothingIsWritten() {
        placePending(); // the replica is ready
        place(UUID.randomUUID().toString(), null, Map.of("lines", List.of(Map.of("productId", UUID.randomUUID().toString(), "quantity", "1"))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[0].productId");
        place(UUID.randomUUID().toString(), null, Map.of("lines", List.of(Map.of("productId", PRODUCT, "quantity", "0"))))
                .expectStatus().isBadRequest();
        // a billion units written as an exponent, as a string or a JSON number, is not a quantity the schemas allow
        for (Object q : List.of("1e9", "1E+9", 1e9)) {
            place(UUID.randomUUID().toString(), null, Map.of("lines", List.of(Map.of("productId", PRODUCT, "quantity", q))))
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[0].quantity")
                    .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).startsWith("must be a plain decimal"));
        }
        place(UUID.randomUUID().toString(), null, Map.of("lines", List.of()))
                .expectStatus().isBadRequest();
        await().atMost(Duration.ofSeconds(30)).until(() -> place(UUID.randomUUID().toString(), null,
                Map.of("lines", List.of(Map.of("productId", ARCHIVED, "quantity", "1")))).returnResult(String.class).getStatus().value() == 400);
        String auditor = token("u-aud", SHOP, "AUDITOR");
        http.post().uri("/api/v1/orders").headers(h -> { h.setBearerAuth(auditor); h.set("Idempotency-Key", "k"); })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(twoAtta()).exchange().expectStatus().isForbidden();
        String otherShop = token("u-x", "shop-other", "OWNER");
        String id = placePending();
        http.get().uri("/api/v1/orders/" + id).headers(h -> h.setBearerAuth(otherShop)).exchange().expectStatus().isNotFound();
    }
}

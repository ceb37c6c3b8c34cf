package dev.kirana.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.CatalogEvents;
import dev.kirana.events.EventSchemaValidator;
import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The order side of the saga against real PostgreSQL and Kafka. Inventory's answers are published
 * on the inventory topic by the test, exactly as inventory-service would publish them.
 */
@KiranaServiceTest
@TestPropertySource(properties = {"kirana.orders.reservation-timeout=3s", "kirana.orders.sweep-interval=200ms"})
class OrderSagaTest {
    static final String SHOP = "shop-" + UUID.randomUUID();
    static final String PRODUCT = UUID.randomUUID().toString();
    static final String ARCHIVED = UUID.randomUUID().toString();
    static KafkaProducer<String, byte[]> producer;
    static TopicProbe orderTopic;
    final EventSchemaValidator schemas = new EventSchemaValidator();

    @Autowired
    WebTestClient http;

    String cashier = TestInfrastructure.get().jwt().token("u-cashier", SHOP, "CASHIER");

    @BeforeAll
    static void catalog() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
        publish(Topics.CATALOG, PRODUCT, EventTypes.PRODUCT_CREATED, new CatalogEvents.ProductChanged(PRODUCT, "ATTA-5", "890100000001",
                "Atta 5kg", "1101", new BigDecimal("5"), new BigDecimal("245.50"), new BigDecimal("260"), true, "PCS", true, 0));
        publish(Topics.CATALOG, ARCHIVED, EventTypes.PRODUCT_CREATED, new CatalogEvents.ProductChanged(ARCHIVED, "OLD-1", null,
                "Old soap", "3401", new BigDecimal("18"), new BigDecimal("30"), null, true, "PCS", false, 3));
        orderTopic = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.ORDER);
    }

    @AfterAll
    static void close() {
        producer.close();
        orderTopic.close();
    }

    static CloudEvent publish(String topic, String key, String type, Object data) {
        CloudEvent event = KiranaEvents.event(type, "test-" + topic, key, SHOP, data);
        publish(topic, key, event);
        return event;
    }

    static void publish(String topic, String key, CloudEvent event) {
        try {
            producer.send(KiranaEvents.toRecord(topic, key, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    WebTestClient.ResponseSpec place(String key, String prefer, Object body) {
        return http.post().uri("/api/v1/orders").headers(h -> {
                    h.setBearerAuth(cashier);
                    if (key != null) h.set("Idempotency-Key", key);
                    if (prefer != null) h.set("Prefer", prefer);
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
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
        return http.get().uri("/api/v1/orders/" + id).headers(h -> h.setBearerAuth(cashier)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    List<CloudEvent> orderEvents(String orderId, int atLeast) {
        List<ConsumerRecord<String, byte[]>> rs = orderTopic.awaitUntil(
                seen -> seen.stream().filter(r -> orderId.equals(r.key())).count() >= atLeast, Duration.ofSeconds(30));
        return rs.stream().filter(r -> orderId.equals(r.key())).map(KiranaEvents::fromRecord).toList();
    }

    @Test
    void placedOrderIsPricedFromTheReplicaAndConfirmedWhenStockIsReserved() {
        String id = placePending();
        Map<?, ?> pending = order(id);
        assertThat(pending.get("status")).isEqualTo("PENDING");
        assertThat(pending.get("total")).isEqualTo("491.00");

        CloudEvent placed = orderEvents(id, 1).get(0);
        assertThat(placed.getType()).isEqualTo(EventTypes.ORDER_PLACED);
        assertThat(schemas.validate(placed)).isEmpty();

        CloudEvent reserved = publish(Topics.INVENTORY, id, EventTypes.STOCK_RESERVED, new InventoryEvents.StockReserved(id, "loc",
                List.of(new InventoryEvents.StockLine(PRODUCT, new BigDecimal("2")))));
        publish(Topics.INVENTORY, id, reserved); // redelivered: no second effect
        await().atMost(Duration.ofSeconds(30)).until(() -> "CONFIRMED".equals(order(id).get("status")));

        List<CloudEvent> events = orderEvents(id, 2);
        assertThat(events).extracting(CloudEvent::getType).containsExactly(EventTypes.ORDER_PLACED, EventTypes.ORDER_CONFIRMED);
        events.forEach(e -> assertThat(schemas.validate(e)).isEmpty());
    }

    @Test
    void preferWaitReturnsTheFinalStateAndRejectionCarriesTheShortLines() {
        // answer as inventory would, as soon as the order is placed
        Thread inventory = new Thread(() -> {
            try (var probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.ORDER)) {
                var rs = probe.awaitUntil(seen -> seen.stream().anyMatch(r -> "7".equals(qty(r))), Duration.ofSeconds(60));
                rs.stream().filter(r -> "7".equals(qty(r))).forEach(r -> publish(Topics.INVENTORY, r.key(),
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
                .jsonPath("$.reason").isEqualTo("insufficient stock");
    }

    private static String qty(ConsumerRecord<String, byte[]> r) {
        CloudEvent e = KiranaEvents.fromRecord(r);
        if (!EventTypes.ORDER_PLACED.equals(e.getType())) return null;
        var placed = KiranaEvents.data(e, dev.kirana.events.OrderEvents.OrderPlaced.class);
        return placed.lines().get(0).quantity().stripTrailingZeros().toPlainString();
    }

    @Test
    void pendingOrderTimesOutAndALateReservationChangesNothing() {
        String id = placePending();
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(order(id).get("status")));
        publish(Topics.INVENTORY, id, EventTypes.STOCK_RESERVED, new InventoryEvents.StockReserved(id, "loc",
                List.of(new InventoryEvents.StockLine(PRODUCT, new BigDecimal("2")))));
        List<CloudEvent> events = orderEvents(id, 2);
        assertThat(events).extracting(CloudEvent::getType).containsExactly(EventTypes.ORDER_PLACED, EventTypes.ORDER_CANCELLED);
        assertThat(schemas.validate(events.get(1))).isEmpty();
        // the late reservation was consumed; the order stays cancelled (inventory releases it on order.cancelled)
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
        place(UUID.randomUUID().toString(), null, Map.of("lines", List.of()))
                .expectStatus().isBadRequest();
        await().atMost(Duration.ofSeconds(30)).until(() -> place(UUID.randomUUID().toString(), null,
                Map.of("lines", List.of(Map.of("productId", ARCHIVED, "quantity", "1")))).returnResult(String.class).getStatus().value() == 400);
        String auditor = TestInfrastructure.get().jwt().token("u-aud", SHOP, "AUDITOR");
        http.post().uri("/api/v1/orders").headers(h -> { h.setBearerAuth(auditor); h.set("Idempotency-Key", "k"); })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(twoAtta()).exchange().expectStatus().isForbidden();
        String otherShop = TestInfrastructure.get().jwt().token("u-x", "shop-other", "OWNER");
        String id = placePending();
        http.get().uri("/api/v1/orders/" + id).headers(h -> h.setBearerAuth(otherShop)).exchange().expectStatus().isNotFound();
    }
}

package dev.kirana.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.CatalogEvents;
import dev.kirana.events.EventSchemaValidator;
import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.inventory.reservation.ReservationService;
import dev.kirana.messaging.InboxProcessor;
import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Receipts, the reservation saga step and the ledger, against real PostgreSQL and Kafka. */
@KiranaServiceTest
class StockFlowTest {
    static KafkaProducer<String, byte[]> producer;
    static TopicProbe inventoryTopic;
    final EventSchemaValidator schemas = new EventSchemaValidator();

    @Autowired
    WebTestClient http;
    @Autowired
    ReservationService reservations;
    @Autowired
    InboxProcessor inbox;
    @Autowired
    DatabaseClient db;

    final String shop = "shop-" + UUID.randomUUID();
    final String owner = TestInfrastructure.get().jwt().token("u-owner", shop, "OWNER");

    @BeforeAll
    static void clients() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
        inventoryTopic = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.INVENTORY);
    }

    @AfterAll
    static void close() {
        producer.close();
        inventoryTopic.close();
    }

    void publish(String topic, String key, String type, Object data) {
        CloudEvent e = KiranaEvents.event(type, "test", key, shop, data);
        try {
            producer.send(KiranaEvents.toRecord(topic, key, e)).get();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    String product(boolean active) {
        String id = UUID.randomUUID().toString();
        publish(Topics.CATALOG, id, EventTypes.PRODUCT_CREATED, new CatalogEvents.ProductChanged(id, "SKU-" + id.substring(0, 8), null,
                "Toor dal 1kg", "0713", new BigDecimal("5"), new BigDecimal("150"), null, true, "PCS", active, 0));
        return id;
    }

    WebTestClient.ResponseSpec receive(String productId, String qty, String cost) {
        return http.post().uri("/api/v1/inventory/receipts")
                .headers(h -> { h.setBearerAuth(owner); h.set("Idempotency-Key", UUID.randomUUID().toString()); })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", productId, "quantity", qty, "unitCost", cost)).exchange();
    }

    /** Receives stock once the product is known (its catalog event may still be in flight). */
    void stock(String productId, String qty, String cost) {
        await().atMost(Duration.ofSeconds(30)).until(() -> receive(productId, qty, cost).returnResult(String.class).getStatus().value() == 201);
    }

    List<CloudEvent> answersFor(String orderId, int n) {
        return inventoryTopic.awaitUntil(rs -> rs.stream().filter(r -> orderId.equals(r.key())).count() >= n, Duration.ofSeconds(30))
                .stream().filter(r -> orderId.equals(r.key())).map(KiranaEvents::fromRecord).toList();
    }

    OrderEvents.OrderPlaced placed(String orderId, Map<String, String> lines) {
        return new OrderEvents.OrderPlaced(orderId, "u-cashier", null, "INR",
                lines.entrySet().stream().map(e -> new OrderEvents.OrderLine(e.getKey(), "S", "n", new BigDecimal(e.getValue()),
                        BigDecimal.TEN, BigDecimal.TEN)).toList(),
                BigDecimal.TEN, Instant.now(), Instant.now().plusSeconds(30));
    }

    @Test
    void receiptsAverageTheCostAndSaleIsCommittedAtThatCost() {
        String p = product(true);
        stock(p, "10", "100.00");
        receive(p, "30", "120.00").expectStatus().isCreated()
                .expectBody().jsonPath("$.onHand").isEqualTo("40.000")
                .jsonPath("$.averageCost").isEqualTo("115.0000");

        String order = UUID.randomUUID().toString();
        publish(Topics.ORDER, order, EventTypes.ORDER_PLACED, placed(order, Map.of(p, "4")));
        CloudEvent reserved = answersFor(order, 1).get(0);
        assertThat(reserved.getType()).isEqualTo(EventTypes.STOCK_RESERVED);
        assertThat(schemas.validate(reserved)).isEmpty();
        http.get().uri("/api/v1/inventory/stock?productId=" + p).headers(h -> h.setBearerAuth(owner)).exchange()
                .expectBody().jsonPath("$[0].reserved").isEqualTo("4.000").jsonPath("$[0].available").isEqualTo("36.000");

        publish(Topics.ORDER, order, EventTypes.ORDER_CONFIRMED, new OrderEvents.OrderConfirmed(order, "u", "INR",
                List.of(new OrderEvents.OrderLine(p, "S", "n", new BigDecimal("4"), BigDecimal.TEN, BigDecimal.TEN)), BigDecimal.TEN, Instant.now()));
        CloudEvent committed = answersFor(order, 2).get(1);
        assertThat(committed.getType()).isEqualTo(EventTypes.STOCK_COMMITTED);
        assertThat(schemas.validate(committed)).isEmpty();
        var costed = KiranaEvents.data(committed, InventoryEvents.StockCommitted.class).lines().get(0);
        assertThat(costed.unitCost()).isEqualByComparingTo("115");

        http.get().uri("/api/v1/inventory/stock?productId=" + p).headers(h -> h.setBearerAuth(owner)).exchange()
                .expectBody().jsonPath("$[0].onHand").isEqualTo("36.000").jsonPath("$[0].reserved").isEqualTo("0.000");
        http.get().uri("/api/v1/inventory/ledger?productId=" + p).headers(h -> h.setBearerAuth(owner)).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(3).jsonPath("$[0].movement").isEqualTo("SALE");
        http.get().uri("/api/v1/inventory/reconciliation").headers(h -> h.setBearerAuth(owner)).exchange()
                .expectBody().jsonPath("$.consistent").isEqualTo(true);
    }

    @Test
    void anOrderWithOneShortLineReservesNothingAndACancelReleases() {
        String plenty = product(true);
        String scarce = product(true);
        stock(plenty, "10", "5");
        stock(scarce, "1", "5");

        String order = UUID.randomUUID().toString();
        publish(Topics.ORDER, order, EventTypes.ORDER_PLACED, placed(order, Map.of(plenty, "2", scarce, "3")));
        CloudEvent answer = answersFor(order, 1).get(0);
        assertThat(answer.getType()).isEqualTo(EventTypes.STOCK_RESERVATION_REJECTED);
        var rejected = KiranaEvents.data(answer, InventoryEvents.StockReservationRejected.class);
        assertThat(rejected.shortLines()).singleElement().satisfies(s -> {
            assertThat(s.productId()).isEqualTo(scarce);
            assertThat(s.available()).isEqualByComparingTo("1");
        });
        http.get().uri("/api/v1/inventory/stock?productId=" + plenty).headers(h -> h.setBearerAuth(owner)).exchange()
                .expectBody().jsonPath("$[0].reserved").isEqualTo("0.000");

        String second = UUID.randomUUID().toString();
        publish(Topics.ORDER, second, EventTypes.ORDER_PLACED, placed(second, Map.of(plenty, "2")));
        publish(Topics.ORDER, second, EventTypes.ORDER_CANCELLED, new OrderEvents.OrderCancelled(second, "reservation timed out"));
        assertThat(answersFor(second, 2)).extracting(CloudEvent::getType)
                .containsExactly(EventTypes.STOCK_RESERVED, EventTypes.STOCK_RELEASED);
        http.get().uri("/api/v1/inventory/stock?productId=" + plenty).headers(h -> h.setBearerAuth(owner)).exchange()
                .expectBody().jsonPath("$[0].reserved").isEqualTo("0.000").jsonPath("$[0].onHand").isEqualTo("10.000");
    }

    @Test
    void concurrentReservationsNeverOversell() {
        String p = product(true);
        stock(p, "50", "10");
        // 64 orders of one unit race for 50 units, each in its own transaction, 16 at a time
        List<Boolean> outcomes = Flux.fromStream(IntStream.range(0, 64).boxed())
                .flatMap(i -> {
                    String order = UUID.randomUUID().toString();
                    CloudEvent e = KiranaEvents.event(EventTypes.ORDER_PLACED, "test", order, shop, placed(order, Map.of(p, "1")));
                    return inbox.process("test-concurrency", e, ev -> reservations.reserve(shop, placed(order, Map.of(p, "1"))))
                            .then(db.sql("SELECT status FROM reservations WHERE order_id = :o").bind("o", order)
                                    .map(r -> "RESERVED".equals(r.get("status", String.class))).one())
                            .subscribeOn(Schedulers.parallel());
                }, 16)
                .collectList().block(Duration.ofSeconds(120));
        assertThat(outcomes).hasSize(64);
        assertThat(outcomes.stream().filter(b -> b).count()).isEqualTo(50);
        http.get().uri("/api/v1/inventory/stock?productId=" + p).headers(h -> h.setBearerAuth(owner)).exchange()
                .expectBody().jsonPath("$[0].reserved").isEqualTo("50.000").jsonPath("$[0].available").isEqualTo("0.000");
    }

    @Test
    void badReceiptsAreProblemsAndChangeNothing() {
        String archived = product(false);
        await().atMost(Duration.ofSeconds(30)).until(() -> receive(archived, "1", "1").returnResult(String.class).getStatus().value() == 422);
        receive(UUID.randomUUID().toString(), "1", "1").expectStatus().isNotFound();
        receive(archived, "0", "1").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");
        receive(archived, "-2", "1").expectStatus().isBadRequest();
        String cashier = TestInfrastructure.get().jwt().token("u-c", shop, "CASHIER");
        http.post().uri("/api/v1/inventory/receipts").headers(h -> { h.setBearerAuth(cashier); h.set("Idempotency-Key", "x"); })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("productId", archived, "quantity", "1", "unitCost", "1"))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/inventory/ledger?productId=" + archived).headers(h -> h.setBearerAuth(owner)).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }
}

package dev.kirana.inventory;

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
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One shop's owner driving inventory through its API, its saga entry points and the catalog topic. */
final class InventoryApi {
    private static KafkaProducer<String, byte[]> producer;
    final WebTestClient http;
    final DatabaseClient db;
    final InboxProcessor inbox;
    final ReservationService reservations;
    final String shop = "shop-" + UUID.randomUUID();
    final String token = TestInfrastructure.get().jwt().token("u-owner", shop, "OWNER");

    InventoryApi(WebTestClient http, DatabaseClient db, InboxProcessor inbox, ReservationService reservations) {
        this.http = http;
        this.db = db;
        this.inbox = inbox;
        this.reservations = reservations;
    }

    static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** The shop's audit events in the outbox, in the order they were written, each valid against its schema. */
    List<dev.kirana.events.AuditEvents.AuditRecorded> audit() {
        EventSchemaValidator schemas = new EventSchemaValidator();
        return db.sql("SELECT data FROM kirana_outbox WHERE shop_id = :shop AND event_type = :type AND topic = :topic ORDER BY seq")
                .bind("shop", shop).bind("type", EventTypes.AUDIT_RECORDED).bind("topic", Topics.AUDIT)
                .map(row -> row.get("data", byte[].class)).all().collectList().block().stream()
                .peek(data -> org.assertj.core.api.Assertions.assertThat(schemas.validate(EventTypes.AUDIT_RECORDED, data)).isEmpty())
                .map(data -> dev.kirana.events.EventJson.read(data, dev.kirana.events.AuditEvents.AuditRecorded.class))
                .toList();
    }

    /** A product as the catalog publishes it; returns once this service knows it. */
    String product(String sku, boolean active, boolean perishable, boolean serialTracked, String reorderLevel, String categoryPath) {
        String id = UUID.randomUUID().toString();
        publishProduct(EventTypes.PRODUCT_CREATED, id, sku, 0, active, perishable, serialTracked, reorderLevel, categoryPath);
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(db.sql("SELECT count(*) AS n FROM known_products WHERE product_id = :id")
                .bind("id", id).map(r -> r.get("n", Long.class) == 1).one().block()));
        return id;
    }

    void publishProduct(String type, String id, String sku, long version, boolean active, boolean perishable, boolean serialTracked,
                        String reorderLevel, String categoryPath) {
        var event = KiranaEvents.event(type, "test", id, shop, new CatalogEvents.ProductChanged(id, sku, null,
                "Product " + sku, "0713", new BigDecimal("5"), new BigDecimal("150"), null, true, "PCS", active, version, null,
                categoryPath == null ? null : "cat-" + categoryPath.hashCode(), categoryPath, null,
                reorderLevel == null ? null : new BigDecimal(reorderLevel), perishable, serialTracked));
        try {
            producer().send(KiranaEvents.toRecord(Topics.CATALOG, id, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String product(String sku) {
        return product(sku, true, false, false, null, null);
    }

    WebTestClient.ResponseSpec post(String uri, Object body) {
        return http.post().uri(uri).headers(h -> {
            h.setBearerAuth(token);
            h.set("Idempotency-Key", UUID.randomUUID().toString());
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec delete(String uri) {
        return http.delete().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }

    WebTestClient.ResponseSpec get(String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }

    static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    WebTestClient.ResponseSpec receive(String productId, String qty, String cost, Object... more) {
        Map<String, Object> b = body(more);
        b.putAll(Map.of("productId", productId, "quantity", qty, "unitCost", cost));
        return post("/api/v1/inventory/receipts", b);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> level(String productId, String locationId) {
        var list = get("/api/v1/inventory/stock?productId=" + productId + (locationId == null ? "" : "&locationId=" + locationId))
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return list.isEmpty() ? Map.of() : (Map<String, Object>) list.get(0);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> json(WebTestClient.ResponseSpec spec, int status) {
        return spec.expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
    }

    OrderEvents.OrderPlaced placed(String orderId, Map<String, String> lines) {
        return new OrderEvents.OrderPlaced(orderId, "u-cashier", null, "INR",
                lines.entrySet().stream().map(e -> new OrderEvents.OrderLine(e.getKey(), "S", "n", new BigDecimal(e.getValue()),
                        BigDecimal.TEN, BigDecimal.TEN)).toList(),
                BigDecimal.TEN, Instant.now(), Instant.now().plusSeconds(30));
    }

    /** The saga's reserve step for a new order, as the order.placed listener runs it; true when reserved. */
    boolean reserve(String orderId, Map<String, String> lines) {
        CloudEvent e = KiranaEvents.event(EventTypes.ORDER_PLACED, "test", orderId, shop, placed(orderId, lines));
        return Boolean.TRUE.equals(inbox.process("test-orders", e, ev -> reservations.reserve(shop, placed(orderId, lines)))
                .then(db.sql("SELECT status FROM reservations WHERE order_id = :o").bind("o", orderId)
                        .map(r -> "RESERVED".equals(r.get("status", String.class))).one())
                .block(Duration.ofSeconds(60)));
    }

    void commit(String orderId) {
        CloudEvent e = KiranaEvents.event(EventTypes.ORDER_CONFIRMED, "test", orderId, shop, Map.of("orderId", orderId));
        inbox.process("test-orders", e, ev -> reservations.commit(shop, orderId, "order-service")).block(Duration.ofSeconds(60));
    }

    void release(String orderId) {
        CloudEvent e = KiranaEvents.event(EventTypes.ORDER_CANCELLED, "test", orderId, shop, Map.of("orderId", orderId));
        inbox.process("test-orders", e, ev -> reservations.release(shop, orderId, "cancelled")).block(Duration.ofSeconds(60));
    }

    /** A whole sale through the saga's reserve and commit steps. */
    boolean sell(String productId, String qty) {
        String order = UUID.randomUUID().toString();
        if (!reserve(order, Map.of(productId, qty))) {
            return false;
        }
        commit(order);
        return true;
    }

    /** This shop's events on the inventory topic about {@code key}, once {@code done}; each checked against its schema. */
    List<CloudEvent> events(String key, Predicate<List<CloudEvent>> done) {
        try (var probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.INVENTORY)) {
            var validator = new EventSchemaValidator();
            @SuppressWarnings("unchecked") List<CloudEvent>[] mine = new List[1];
            probe.awaitUntil(rs -> {
                mine[0] = rs.stream().filter(r -> key.equals(r.key())).map(KiranaEvents::fromRecord)
                        .filter(e -> shop.equals(KiranaEvents.shopId(e))).toList();
                return done.test(mine[0]);
            }, Duration.ofSeconds(30));
            mine[0].forEach(validator::assertValid);
            return mine[0];
        }
    }

    /** Every event of this shop on the inventory topic (in order per key), once {@code done}; each checked against its schema. */
    List<CloudEvent> shopEvents(Predicate<List<CloudEvent>> done) {
        try (var probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.INVENTORY)) {
            var validator = new EventSchemaValidator();
            @SuppressWarnings("unchecked") List<CloudEvent>[] mine = new List[1];
            probe.awaitUntil(rs -> {
                mine[0] = rs.stream().map(KiranaEvents::fromRecord).filter(e -> shop.equals(KiranaEvents.shopId(e))).toList();
                return done.test(mine[0]);
            }, Duration.ofSeconds(60));
            mine[0].forEach(validator::assertValid);
            return mine[0];
        }
    }

    /** The lot moves these events carry, lot by lot. */
    static Map<String, List<InventoryEvents.LotMove>> lotMoves(List<CloudEvent> events) {
        Map<String, List<InventoryEvents.LotMove>> byLot = new java.util.TreeMap<>();
        for (CloudEvent e : events) {
            List<InventoryEvents.LotMove> moves = switch (e.getType()) {
                case EventTypes.STOCK_RECEIVED -> KiranaEvents.data(e, InventoryEvents.StockReceived.class).lots();
                case EventTypes.STOCK_ADJUSTED -> KiranaEvents.data(e, InventoryEvents.StockAdjusted.class).lots();
                case EventTypes.STOCK_COMMITTED -> KiranaEvents.data(e, InventoryEvents.StockCommitted.class).lines().stream()
                        .flatMap(l -> l.lots().stream()).toList();
                default -> List.of();
            };
            moves.forEach(m -> byLot.computeIfAbsent(m.lotId(), k -> new java.util.ArrayList<>()).add(m));
        }
        return byLot;
    }

    /** What each lot holds by the events alone: the sum of its lot moves. */
    static Map<String, BigDecimal> lotTotals(List<CloudEvent> events) {
        Map<String, BigDecimal> totals = new java.util.TreeMap<>();
        lotMoves(events).forEach((lot, moves) -> totals.put(lot,
                moves.stream().map(InventoryEvents.LotMove::quantity).reduce(BigDecimal.ZERO, BigDecimal::add)));
        return totals;
    }

    /** Movements the stock ledger holds for this shop: one per stock event, or per line of a stock.committed. */
    long ledgerRows() {
        return db.sql("SELECT count(*) AS n FROM stock_ledger WHERE shop_id = :shop").bind("shop", shop)
                .map(r -> r.get("n", Long.class)).one().block();
    }

    /** Movements these events report: stock.received and stock.adjusted one each, stock.committed one per line. */
    static long movements(List<CloudEvent> events) {
        return events.stream().mapToLong(e -> switch (e.getType()) {
            case EventTypes.STOCK_RECEIVED, EventTypes.STOCK_ADJUSTED -> 1;
            case EventTypes.STOCK_COMMITTED -> KiranaEvents.data(e, InventoryEvents.StockCommitted.class).lines().size();
            default -> 0;
        }).sum();
    }

    /** What each of this shop's lots holds in the database, by lot id. */
    Map<String, BigDecimal> storedLots() {
        Map<String, BigDecimal> lots = new java.util.TreeMap<>();
        db.sql("SELECT id, remaining FROM stock_lots WHERE shop_id = :shop").bind("shop", shop)
                .map(r -> Map.entry(String.valueOf(r.get("id", Long.class)), r.get("remaining", BigDecimal.class)))
                .all().collectList().block().forEach(e -> lots.put(e.getKey(), e.getValue()));
        return lots;
    }

    boolean consistent() {
        return Boolean.TRUE.equals(get("/api/v1/inventory/reconciliation").expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody().get("consistent"));
    }
}

package dev.kirana.order;

import dev.kirana.events.CatalogEvents;
import dev.kirana.events.EventSchemaValidator;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.TestInfrastructure;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One Spring context for every integration test of order-service (same annotations, so the context is cached and
 * shared), against the real PostgreSQL and Kafka of the test JVM. Other services' events are published by the tests
 * on their topics, exactly as those services publish them.
 */
@KiranaServiceTest
@TestPropertySource(properties = {"kirana.orders.reservation-timeout=10s", "kirana.orders.sweep-interval=200ms"})
public abstract class OrderServiceTestBase {
    static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()),
            new StringSerializer(), new ByteArraySerializer());
    static final EventSchemaValidator SCHEMAS = new EventSchemaValidator();

    protected WebTestClient http;

    /** A counter may hold a request open with Prefer: wait; the client waits longer than any wait the tests ask for. */
    @Autowired
    void client(WebTestClient client) {
        this.http = client.mutate().responseTimeout(java.time.Duration.ofSeconds(40)).build();
    }

    static String token(String user, String shop, String... roles) {
        return TestInfrastructure.get().jwt().token(user, shop, roles);
    }

    static CloudEvent publish(String topic, String key, String shopId, String type, Object data) {
        CloudEvent event = KiranaEvents.event(type, "test-" + topic, key, shopId, data);
        publish(topic, key, event);
        return event;
    }

    static void publish(String topic, String key, CloudEvent event) {
        try {
            PRODUCER.send(KiranaEvents.toRecord(topic, key, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A product as catalog-service announces it. */
    static String product(String shopId, String sku, String barcode, String hsn, String rate, String price, boolean inclusive) {
        String id = UUID.randomUUID().toString();
        publish(Topics.CATALOG, id, shopId, EventTypes.PRODUCT_CREATED, new CatalogEvents.ProductChanged(id, sku, barcode,
                sku + " item", hsn, new BigDecimal(rate), new BigDecimal(price), null, inclusive, "PCS", true, 1));
        return id;
    }

    /** A shop as auth-service announces it. */
    static void shop(String shopId, String name, String state, String gstin, String registration) {
        publish(Topics.SHOP, shopId, shopId, EventTypes.SHOP_CREATED,
                new ShopEvents.ShopCreated(shopId, name, state, gstin, "INR", registration, "u-owner"));
    }

    WebTestClient.ResponseSpec post(String uri, String token, String key, String prefer, Object body) {
        return http.post().uri(uri).headers(h -> {
            h.setBearerAuth(token);
            if (key != null) h.set("Idempotency-Key", key);
            if (prefer != null) h.set("Prefer", prefer);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec place(String token, Object body, String prefer) {
        return post("/api/v1/orders", token, UUID.randomUUID().toString(), prefer, body);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> get(String uri, String token) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> body(WebTestClient.ResponseSpec spec) {
        return spec.expectBody(Map.class).returnResult().getResponseBody();
    }

    List<?> getList(String uri, String token) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
    }

    @Autowired
    org.springframework.r2dbc.core.DatabaseClient db;

    /** The audit events about {@code entityId} in the outbox, in the order they were written, each valid against its schema. */
    List<dev.kirana.events.AuditEvents.AuditRecorded> audit(String shopId, String entityId) {
        return db.sql("SELECT data FROM kirana_outbox WHERE shop_id = :shop AND event_type = :type AND topic = :topic ORDER BY seq")
                .bind("shop", shopId).bind("type", EventTypes.AUDIT_RECORDED).bind("topic", Topics.AUDIT)
                .map(row -> row.get("data", byte[].class)).all().collectList().block().stream()
                .peek(data -> org.assertj.core.api.Assertions.assertThat(SCHEMAS.validate(EventTypes.AUDIT_RECORDED, data)).isEmpty())
                .map(data -> dev.kirana.events.EventJson.read(data, dev.kirana.events.AuditEvents.AuditRecorded.class))
                .filter(e -> entityId.equals(e.entityId()))
                .toList();
    }

    static List<CloudEvent> eventsOf(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).map(KiranaEvents::fromRecord).toList();
    }
}

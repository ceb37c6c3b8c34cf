package dev.kirana.accounting;

import dev.kirana.events.EventSchemaValidator;
import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What the books tests share: publishing events as the other services do, tokens, and reading balances back. */
public final class BooksTestSupport {
    static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()),
            new StringSerializer(), new ByteArraySerializer());
    static final EventSchemaValidator SCHEMAS = new EventSchemaValidator();

    /** A POST with a fresh Idempotency-Key. */
    public static WebTestClient.ResponseSpec post(WebTestClient http, String uri, String token, Object body) {
        return http.post().uri(uri).headers(h -> {
            h.setBearerAuth(token);
            h.set("Idempotency-Key", java.util.UUID.randomUUID().toString());
        }).contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** The JSON body of an answer at {@code status}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> ok(WebTestClient.ResponseSpec spec, int status) {
        return spec.expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
    }

    /** A problem+json answer at {@code status} whose body mentions {@code contains}. */
    public static void problem(WebTestClient.ResponseSpec spec, int status, String contains) {
        spec.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(b -> org.assertj.core.api.Assertions.assertThat(b).contains(contains));
    }

    public static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    public static String newShop() {
        return "shop-" + UUID.randomUUID();
    }

    public static String token(String shop, String role) {
        return TestInfrastructure.get().jwt().token("u-" + role.toLowerCase(), shop, role);
    }

    public static String owner(String shop) {
        return token(shop, "OWNER");
    }

    public static CloudEvent publish(String topic, String key, String shop, String type, Object data) {
        return publishAt(topic, key, shop, type, data, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** An event that happened at {@code time} (a late event for a past month, say). */
    public static CloudEvent publishAt(String topic, String key, String shop, String type, Object data, OffsetDateTime time) {
        CloudEvent e = KiranaEvents.event(UUID.randomUUID().toString(), type, "test", key, shop, time,
                dev.kirana.events.EventJson.write(data));
        send(topic, key, e);
        return e;
    }

    public static void send(String topic, String key, CloudEvent e) {
        try {
            PRODUCER.send(KiranaEvents.toRecord(topic, key, e)).get();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Goods brought into stock without a purchase bill, as inventory-service announces them. */
    public static CloudEvent received(String shop, String product, String qty, String unitCost, String onHand) {
        return publish(Topics.INVENTORY, product, shop, EventTypes.STOCK_RECEIVED,
                new InventoryEvents.StockReceived(product, "loc-1", d(qty), d(unitCost), d(onHand)));
    }

    public static CloudEvent adjusted(String shop, String product, String movement, String qty, String unitCost, String value,
                                      String onHand, String reference) {
        return publish(Topics.INVENTORY, product, shop, EventTypes.STOCK_ADJUSTED,
                new InventoryEvents.StockAdjusted(product, "loc-1", movement, d(qty), d(unitCost), d(value), d(onHand), movement.toLowerCase(),
                        reference));
    }

    /** The all-time trial balance as {account → [debit, credit]}. */
    public static Map<String, BigDecimal[]> trialBalance(WebTestClient http, String shop) {
        List<?> rows = http.get().uri("/api/v1/accounting/trial-balance").headers(h -> h.setBearerAuth(owner(shop))).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        Map<String, BigDecimal[]> out = new HashMap<>();
        for (Object o : rows) {
            Map<?, ?> r = (Map<?, ?>) o;
            out.put((String) r.get("account"), new BigDecimal[]{new BigDecimal((String) r.get("debit")), new BigDecimal((String) r.get("credit"))});
        }
        return out;
    }

    /** Debits less credits of one account (zero when nothing was posted to it). */
    public static BigDecimal net(Map<String, BigDecimal[]> tb, String account) {
        BigDecimal[] r = tb.get(account);
        return r == null ? BigDecimal.ZERO : r[0].subtract(r[1]);
    }

    /** The events of {@code type} published for {@code shop} on the accounting topic, each checked against its schema. */
    public static List<CloudEvent> published(TopicProbe probe, String shop, String type, Predicate<List<CloudEvent>> done) {
        List<ConsumerRecord<String, byte[]>> seen = probe.awaitUntil(records -> done.test(of(records, shop, type)), Duration.ofSeconds(30));
        List<CloudEvent> events = of(seen, shop, type);
        events.forEach(SCHEMAS::assertValid);
        return events;
    }

    private static List<CloudEvent> of(List<ConsumerRecord<String, byte[]>> records, String shop, String type) {
        return records.stream().map(KiranaEvents::fromRecord)
                .filter(e -> shop.equals(KiranaEvents.shopId(e)) && type.equals(e.getType())).toList();
    }

    /** The shop's audit events in the outbox (kirana.audit.events), in the order they were written, each valid against its schema. */
    public static List<dev.kirana.events.AuditEvents.AuditRecorded> audit(org.springframework.r2dbc.core.DatabaseClient db, String shop) {
        return db.sql("SELECT data FROM kirana_outbox WHERE shop_id = :shop AND event_type = :type AND topic = :topic ORDER BY seq")
                .bind("shop", shop).bind("type", EventTypes.AUDIT_RECORDED).bind("topic", Topics.AUDIT)
                .map(row -> row.get("data", byte[].class)).all().collectList().block().stream()
                .peek(data -> org.assertj.core.api.Assertions.assertThat(SCHEMAS.validate(EventTypes.AUDIT_RECORDED, data)).isEmpty())
                .map(data -> dev.kirana.events.EventJson.read(data, dev.kirana.events.AuditEvents.AuditRecorded.class))
                .toList();
    }

    public static TopicProbe accountingProbe() {
        return new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.ACCOUNTING);
    }

    private BooksTestSupport() {
    }
}

package dev.kirana.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.EventJson;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.TestInfrastructure;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * When auth-service purges a deleted shop ({@code kirana.shop.purged.v1}), catalog-service deletes every row of that
 * shop in its tables, once, and not a row of another shop.
 */
@CatalogServiceTest
class ShopPurgeTest {
    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()),
            new StringSerializer(), new ByteArraySerializer());

    @Autowired
    WebTestClient http;
    @Autowired
    DatabaseClient db;

    @AfterAll
    static void close() {
        PRODUCER.close();
    }

    /** The catalog's tables with a shop_id (the service's machinery aside). */
    private List<String> shopTables() {
        return db.sql("""
                        SELECT table_name FROM information_schema.columns
                        WHERE table_schema = 'public' AND column_name = 'shop_id' AND table_name NOT LIKE 'kirana\\_%'
                        ORDER BY table_name""")
                .map(row -> row.get("table_name", String.class)).all().collectList().block();
    }

    private Map<String, Long> counts(String shop) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : shopTables()) {
            counts.put(table, db.sql("SELECT count(*) AS n FROM " + table + " WHERE shop_id = :shop").bind("shop", shop)
                    .map(row -> row.get("n", Long.class)).one().block());
        }
        return counts;
    }

    private static void publish(CloudEvent e) throws Exception {
        PRODUCER.send(KiranaEvents.toRecord(Topics.SHOP, KiranaEvents.shopId(e), e)).get();
    }

    private static void fill(CatalogApi api) {
        String staples = (String) api.category("Staples", null).get("id");
        api.create(CatalogApi.product("ATTA-5KG", "categoryId", staples));
        api.create(CatalogApi.product("RICE-1KG", "categoryId", staples, "gstRate", "0"));
    }

    @Test
    void aPurgedShopsRowsGoAndAnotherShopsStay() throws Exception {
        String doomed = "shop-" + UUID.randomUUID();
        String other = "shop-" + UUID.randomUUID();
        fill(new CatalogApi(http, doomed));
        fill(new CatalogApi(http, other));
        Map<String, Long> doomedBefore = counts(doomed);
        Map<String, Long> otherBefore = counts(other);
        // two products and one category in each shop
        assertThat(doomedBefore).containsEntry("products", 2L).containsEntry("categories", 1L);
        assertThat(otherBefore).isEqualTo(doomedBefore);

        Instant now = Instant.now();
        CloudEvent purged = KiranaEvents.event(UUID.randomUUID().toString(), EventTypes.SHOP_PURGED, "auth-service", doomed, doomed,
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC), EventJson.write(new ShopEvents.ShopPurged(doomed, "Purge Store", null,
                        now.minus(Duration.ofDays(30)).toString(), now.toString())));
        publish(purged);

        Instant deadline = Instant.now().plusSeconds(30);
        while (counts(doomed).values().stream().mapToLong(Long::longValue).sum() > 0) {
            assertThat(Instant.now()).as("the purge within 30 s").isBefore(deadline);
            Thread.sleep(200);
        }
        assertThat(counts(doomed).values()).allMatch(n -> n == 0);
        assertThat(counts(other)).isEqualTo(otherBefore);
        assertThat(db.sql("SELECT count(*) AS n FROM kirana_inbox WHERE consumer = 'catalog-service.shop-purge' AND event_id = :id")
                .bind("id", purged.getId()).map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1L);

        // the same event again (a redelivery) is acknowledged without a second effect, and then a marker of the same key
        // (so on the same partition, after it) is handled: the other shop still stands
        publish(purged);
        CloudEvent marker = KiranaEvents.event(UUID.randomUUID().toString(), EventTypes.SHOP_PURGED, "auth-service", doomed, doomed,
                OffsetDateTime.now(ZoneOffset.UTC), EventJson.write(new ShopEvents.ShopPurged(doomed, "Purge Store", null,
                        now.toString(), now.toString())));
        publish(marker);
        deadline = Instant.now().plusSeconds(30);
        while (db.sql("SELECT count(*) AS n FROM kirana_inbox WHERE event_id = :id").bind("id", marker.getId())
                .map(row -> row.get("n", Long.class)).one().block() == 0) {
            assertThat(Instant.now()).as("the marker within 30 s").isBefore(deadline);
            Thread.sleep(200);
        }
        assertThat(counts(other)).isEqualTo(otherBefore);
    }
}

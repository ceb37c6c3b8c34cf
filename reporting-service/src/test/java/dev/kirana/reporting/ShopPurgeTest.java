package dev.kirana.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.EventJson;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.TestInfrastructure;
import io.cloudevents.CloudEvent;
import java.time.Duration;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A purged shop leaves the read models (the live consumer of {@code kirana.shop.purged.v1} deletes its rows in the
 * read-model schema) and does not come back when the read models are rebuilt from the topics, which still hold its events.
 */
@ReportingServiceTest
class ShopPurgeTest {
    @Autowired
    DatabaseClient db;
    @LocalManagementPort
    int managementPort;

    private List<String> shopTables() {
        return db.sql("""
                        SELECT table_name FROM information_schema.columns
                        WHERE table_schema = 'readmodel' AND column_name = 'shop_id' ORDER BY table_name""")
                .map(row -> row.get("table_name", String.class)).all().collectList().block();
    }

    private Map<String, Long> counts(String shop) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : shopTables()) {
            counts.put(table, db.sql("SELECT count(*) AS n FROM readmodel." + table + " WHERE shop_id::text = :shop").bind("shop", shop)
                    .map(row -> row.get("n", Long.class)).one().block());
        }
        return counts;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void aPurgedShopLeavesTheReadModelsAndARebuildDoesNotBringItBack() throws Exception {
        ShopEventsFixture doomed = new ShopEventsFixture();
        ShopEventsFixture other = new ShopEventsFixture();
        doomed.publish();
        other.publish();
        // both shops' week is in: the same events, so the same rows
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(counts(doomed.shop).get("day_closes")).isEqualTo(1L);
            assertThat(counts(other.shop).get("day_closes")).isEqualTo(1L);
            assertThat(counts(doomed.shop)).isEqualTo(counts(other.shop));
        });
        Map<String, Long> otherBefore = counts(other.shop);
        assertThat(otherBefore).containsEntry("shops", 1L).containsEntry("products", 3L);

        CloudEvent purged = KiranaEvents.event(UUID.randomUUID().toString(), EventTypes.SHOP_PURGED, "auth-service", doomed.shop, doomed.shop,
                OffsetDateTime.now(ZoneOffset.UTC), EventJson.write(new ShopEvents.ShopPurged(doomed.shop, "Sharma Kirana", null,
                        "2026-10-21T10:00:00Z", "2026-11-20T10:00:00Z")));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(KiranaEvents.toRecord(Topics.SHOP, doomed.shop, purged)).get();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(total(counts(doomed.shop))).isZero());
        assertThat(counts(other.shop)).isEqualTo(otherBefore);

        WebTestClient local = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(40)).build();
        // another test's rebuild may be running: start one of ours once it is done
        await().atMost(Duration.ofSeconds(180)).until(() -> Boolean.TRUE.equals(local.post().uri("/actuator/readmodels").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("started")));
        await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> local.get().uri("/actuator/readmodels").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.rebuild.state").isEqualTo("DONE"));
        assertThat(total(counts(doomed.shop))).isZero();
        assertThat(counts(other.shop)).isEqualTo(otherBefore);
    }
}

package dev.kirana.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.EventJson;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.TestInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A shop in Dubai counts a sale at 19:00 UTC on 20 November as 23:00 on the 20th; in India it would be the 21st. */
@ReportingServiceTest
class ShopTimeZoneTest {
    @Autowired
    WebTestClient http;
    @Autowired
    DatabaseClient db;

    @Test
    @SuppressWarnings("unchecked")
    void salesCountOnTheShopsOwnDays() throws Exception {
        String dubai = "shop-" + UUID.randomUUID();
        String india = "shop-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-20T19:00:00Z");
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            send(producer, Topics.SHOP, EventTypes.SHOP_CREATED, dubai, dubai, at.minusSeconds(86_400),
                    new ShopEvents.ShopCreated(dubai, "Al Noor Grocery", "96", null, "INR", "UNREGISTERED", "u-1", "Asia/Dubai"));
            await().atMost(Duration.ofSeconds(30)).until(() -> "Asia/Dubai".equals(db.sql("SELECT time_zone FROM shops WHERE shop_id = :s")
                    .bind("s", dubai).map(r -> r.get("time_zone", String.class)).one().block()));
            for (String shop : List.of(dubai, india)) {
                String order = UUID.randomUUID().toString();
                send(producer, Topics.ORDER, EventTypes.ORDER_CONFIRMED, shop, order, at, new OrderEvents.OrderConfirmed(order, "c1", "INR",
                        List.of(new OrderEvents.OrderLine("p", "P", "p", BigDecimal.ONE, new BigDecimal("10.00"), new BigDecimal("10.00"))),
                        new BigDecimal("10.00"), at));
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(rows(dubai, "/api/v1/reports/sales/by/hour?from=2026-11-20&to=2026-11-21")).singleElement()
                    .satisfies(r -> assertThat(r).containsEntry("hour", 23).containsEntry("net", "10.00"));
            // the shop that named no zone has India's days: 00:30 on the 21st
            assertThat(rows(india, "/api/v1/reports/sales?from=2026-11-20&to=2026-11-21")).singleElement()
                    .satisfies(r -> assertThat(r).containsEntry("period", "2026-11-21"));
        });
        assertThat(rows(dubai, "/api/v1/reports/sales?from=2026-11-20&to=2026-11-21")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("period", "2026-11-20"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(String shop, String uri) {
        String token = TestInfrastructure.get().jwt().token("u-own", shop, "OWNER");
        Map<String, Object> body = http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) body.get("rows");
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String type, String shop, String key, Instant at,
                             Object data) throws Exception {
        var e = KiranaEvents.event(UUID.randomUUID().toString(), type, "test", key, shop, at.atOffset(ZoneOffset.UTC), EventJson.write(data));
        producer.send(KiranaEvents.toRecord(topic, key, e)).get();
    }
}

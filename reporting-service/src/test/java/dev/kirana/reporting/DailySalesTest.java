package dev.kirana.reporting;

import static org.awaitility.Awaitility.await;

import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.TestInfrastructure;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@KiranaServiceTest
class DailySalesTest {
    @Autowired
    WebTestClient http;

    @Test
    void confirmedOrdersAddUpPerDayAndARedeliveryCountsOnce() throws Exception {
        String shop = "shop-" + UUID.randomUUID();
        String token = TestInfrastructure.get().jwt().token("u-aud", shop, "AUDITOR");
        Instant at = Instant.parse("2026-04-01T18:40:00Z"); // 00:10 on 2 April in India
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (String total : List.of("100.50", "20.00")) {
                String id = UUID.randomUUID().toString();
                CloudEvent e = KiranaEvents.event(EventTypes.ORDER_CONFIRMED, "order-service", id, shop,
                        new OrderEvents.OrderConfirmed(id, "c", "INR", List.of(new OrderEvents.OrderLine("p", "S", "n",
                                BigDecimal.ONE, new BigDecimal(total), new BigDecimal(total))), new BigDecimal(total), at));
                producer.send(KiranaEvents.toRecord(Topics.ORDER, id, e)).get();
                producer.send(KiranaEvents.toRecord(Topics.ORDER, id, e)).get();
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                http.get().uri("/api/v1/reports/sales/daily?from=2026-04-01&to=2026-04-30").headers(h -> h.setBearerAuth(token))
                        .exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$.length()").isEqualTo(1)
                        .jsonPath("$[0].day").isEqualTo("2026-04-02")
                        .jsonPath("$[0].orders").isEqualTo(2)
                        .jsonPath("$[0].revenue").isEqualTo("120.50"));
        http.get().uri("/api/v1/reports/sales/daily?from=2026-04-30&to=2026-04-01").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isBadRequest();
    }
}

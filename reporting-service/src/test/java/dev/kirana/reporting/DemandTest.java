package dev.kirana.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventJson;
import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.TestInfrastructure;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Forecasts and reorder suggestions from twelve weeks of sales up to yesterday (Thursday 19 November 2026): a regular
 * seller (10 a weekday, 30 a weekend day, no noise) and an intermittent one (2 units every fifth day).
 */
@ReportingServiceTest
class DemandTest {
    @Autowired
    WebTestClient http;

    @Test
    @SuppressWarnings("unchecked")
    void theRightMethodWinsAndTheReorderPointCoversTheLeadTime() throws Exception {
        String shop = "shop-" + UUID.randomUUID();
        String token = TestInfrastructure.get().jwt().token("u-own", shop, "OWNER");
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            LocalDate first = LocalDate.parse("2026-08-28");
            for (int i = 0; i < 84; i++) {
                LocalDate day = first.plusDays(i);
                boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
                sell(producer, shop, "regular", day, weekend ? "30" : "10");
                if (i % 5 == 0) {
                    sell(producer, shop, "rare", day, "2");
                }
            }
            publish(producer, shop, Topics.INVENTORY, EventTypes.STOCK_RECEIVED, "regular", Instant.parse("2026-08-01T05:00:00Z"),
                    new InventoryEvents.StockReceived("regular", "loc", new BigDecimal("1610"), new BigDecimal("10.00"),
                            new BigDecimal("1610")));
            publish(producer, shop, Topics.ACCOUNTING, EventTypes.PURCHASE_BILLED, "bill-1", Instant.parse("2026-08-01T05:00:00Z"),
                    new AccountingEvents.PurchaseBilled("bill-1", "sup-1", "Gupta Traders", null, "G-1", LocalDate.parse("2026-08-01"),
                            "INTRA_STATE", List.of(new AccountingEvents.PurchaseLine(1, "regular", new BigDecimal("1610"),
                            new BigDecimal("10.00"), BigDecimal.ZERO, new BigDecimal("16100.00"), BigDecimal.ZERO, BigDecimal.ZERO,
                            BigDecimal.ZERO, null, null, null)), new BigDecimal("16100.00"), BigDecimal.ZERO, BigDecimal.ZERO,
                            BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("16100.00"), null, "u-own"));
        }
        // 12 weeks sold 12 x (5 x 10 + 2 x 30) = 1,320 of the 1,610 received: 290 left... wait for all of it
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(get(token, "/api/v1/reports/stock?by=product").toString()).contains("on_hand=290");
            // 84 sales of the regular seller and 17 of the rare one
            assertThat(get(token, "/api/v1/reports/sales?from=2026-08-28&to=2026-11-19&groupBy=month").get("totals").toString())
                    .contains("sales=101");
        });

        Map<String, Object> regular = get(token, "/api/v1/reports/forecast?productId=regular&horizon=14");
        assertThat((String) regular.get("method")).isIn("SEASONAL_NAIVE", "HOLT_WINTERS", "HOLT_WINTERS_DAMPED");
        assertThat(regular).containsEntry("demandClass", "SMOOTH").containsEntry("historyDays", 84);
        List<Map<String, Object>> days = (List<Map<String, Object>>) regular.get("days");
        // today is Friday 20 November: Saturday and Sunday at 30, the weekdays at 10
        assertThat(days.get(0)).containsEntry("day", "2026-11-20");
        assertThat(((Number) days.get(0).get("mean")).doubleValue()).isCloseTo(10, org.assertj.core.data.Offset.offset(0.5));
        assertThat(((Number) days.get(1).get("mean")).doubleValue()).isCloseTo(30, org.assertj.core.data.Offset.offset(0.5));
        assertThat(((Number) days.get(4).get("mean")).doubleValue()).isCloseTo(10, org.assertj.core.data.Offset.offset(0.5));
        assertThat(((Number) regular.get("mase")).doubleValue()).isLessThanOrEqualTo(((Number) regular.get("baselineMase")).doubleValue());

        Map<String, Object> rare = get(token, "/api/v1/reports/forecast?productId=rare&horizon=14");
        assertThat((String) rare.get("method")).isIn("CROSTON", "SBA", "TSB");
        assertThat(rare).containsEntry("demandClass", "INTERMITTENT");
        // 2 units every 5 days: 0.4 a day
        assertThat(((Number) rare.get("meanDaily")).doubleValue()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(0.15));

        // lead time 7 days from Friday: 10 + 30 + 30 + 10 + 10 + 10 + 10 = 110, no error so no safety stock: reorder point
        // 110; the next week's demand is 110 too, so 110 + 110 - 290 on hand is nothing to order yet at 290 ...
        Map<String, Object> none = get(token, "/api/v1/reports/reorder?leadTimeDays=7&reviewDays=7");
        assertThat((List<Map<String, Object>>) none.get("rows")).noneMatch(r -> "regular".equals(r.get("product_id")));
        // ... but with a 21-day lead time (110 x 3 = 330 > 290) it runs out first: order 330 + 110 - 290 = 150; the 290 last
        // two weeks (220) and Friday, Saturday and Sunday (10 + 30 + 30): 17 days
        Map<String, Object> late = get(token, "/api/v1/reports/reorder?leadTimeDays=21&reviewDays=7");
        Map<String, Object> row = ((List<Map<String, Object>>) late.get("rows")).stream()
                .filter(r -> "regular".equals(r.get("product_id"))).findFirst().orElseThrow();
        assertThat(row).containsEntry("supplier", "Gupta Traders").containsEntry("stocks_out_before_delivery", "yes")
                .containsEntry("lead_time_demand", "330").containsEntry("reorder_point", "330")
                .containsEntry("suggested_quantity", "150").containsEntry("days_of_cover", 17)
                .containsEntry("estimated_cost", "1500.00");

        Map<String, Object> table = get(token, "/api/v1/reports/forecast?horizon=7");
        assertThat((List<Map<String, Object>>) table.get("rows")).extracting(r -> r.get("product_id")).contains("regular", "rare");
        http.get().uri("/api/v1/reports/forecast?productId=nothing").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isNotFound().expectBody().consumeWith(b -> { });
        http.get().uri("/api/v1/reports/forecast?horizon=90").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isBadRequest().expectBody().consumeWith(b -> { });
        http.get().uri("/api/v1/reports/reorder?serviceLevel=2").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isBadRequest().expectBody().consumeWith(b -> { });
        Map<String, Object> anomalies = get(token, "/api/v1/reports/anomalies");
        assertThat(anomalies).containsKeys("cashiers", "products");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String token, String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static void sell(KafkaProducer<String, byte[]> producer, String shop, String product, LocalDate day, String qty)
            throws Exception {
        String order = UUID.randomUUID().toString();
        Instant at = day.atTime(6, 0).toInstant(ZoneOffset.UTC);
        BigDecimal q = new BigDecimal(qty);
        BigDecimal amount = q.multiply(new BigDecimal("20.00"));
        publish(producer, shop, Topics.ORDER, EventTypes.ORDER_CONFIRMED, order, at, new OrderEvents.OrderConfirmed(order, "c1",
                "INR", List.of(new OrderEvents.OrderLine(product, product, product, q, new BigDecimal("20.00"), amount)), amount, at));
        publish(producer, shop, Topics.INVENTORY, EventTypes.STOCK_COMMITTED, order, at,
                new InventoryEvents.StockCommitted(order, List.of(new InventoryEvents.CostedLine(product, q, new BigDecimal("10.00")))));
    }

    private static void publish(KafkaProducer<String, byte[]> producer, String shop, String topic, String type, String key,
                                Instant at, Object data) throws Exception {
        var e = KiranaEvents.event(UUID.randomUUID().toString(), type, "test", key, shop, at.atOffset(ZoneOffset.UTC), EventJson.write(data));
        producer.send(KiranaEvents.toRecord(topic, key, e)).get();
    }
}

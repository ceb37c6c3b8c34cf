package dev.kirana.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.testing.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A rebuild replays every topic from the start into fresh tables and swaps them in: every read-model table holds the
 * same rows afterwards, the reports answer the same, and an event published after the rebuild counts once.
 */
@ReportingServiceTest
class RebuildTest {
    static final List<String> TABLES = List.of("shops", "products", "sale_docs", "sale_lines", "sale_tenders", "order_costs",
            "stock", "lots", "product_suppliers", "parties", "party_balances", "expenses", "money_moves", "day_closes",
            "line_months", "doc_days", "employees", "attendance_days");
    @Autowired
    WebTestClient http;
    @Autowired
    DatabaseClient db;
    @LocalManagementPort
    int managementPort;

    @Test
    void rebuildingFromTheTopicsGivesTheSameTablesAndReports() throws Exception {
        // a record that is not an event at all: the live consumer dead-letters it and goes on, a rebuild skips it
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(Map.<String, Object>of(
                org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(dev.kirana.events.Topics.ORDER, "junk",
                    "not a cloud event".getBytes(java.nio.charset.StandardCharsets.UTF_8))).get();
        }
        ShopEventsFixture shop = new ShopEventsFixture();
        shop.publish();
        StaffEventsFixture people = new StaffEventsFixture();
        people.publish();
        String token = TestInfrastructure.get().jwt().token("u-own", shop.shop, "OWNER");
        String peopleToken = TestInfrastructure.get().jwt().token("u-own", people.shop, "OWNER");
        String report = "/api/v1/reports/sales/by/product?from=2026-11-20&to=2026-11-20";
        String performance = "/api/v1/reports/staff/performance?from=2026-11-18&to=2026-11-19";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(body(report, token)).contains("\"net\":\"692.00\"").contains("\"cost\":\"480.00\"");
            // every people event applied: the totals StaffPerformanceTest works out by hand
            assertThat(body(performance, peopleToken)).contains("\"hours_worked\":\"39.5\"").contains("\"net\":\"1236.00\"")
                    .contains("\"sales_per_hour\":\"26.00\"").contains("\"refunded\":\"262.00\"");
            assertThat(body("/api/v1/reports/dashboard", token)).contains("\"cashExpected\":\"1542.00\"");
            assertThat(lag(token)).isZero();
        });
        Map<String, List<String>> before = snapshot();
        String reportBefore = body(report, token);
        String dashboardBefore = body("/api/v1/reports/dashboard", token);
        String performanceBefore = body(performance, peopleToken);

        WebTestClient local = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(40)).build();
        local.post().uri("/actuator/readmodels").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.started").isEqualTo(true);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> local.get().uri("/actuator/readmodels").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.rebuild.state").isEqualTo("DONE"));
        local.get().uri("/actuator/readmodels").exchange().expectBody()
                .jsonPath("$.rebuild.skipped").value(n -> assertThat(((Number) n).longValue()).isPositive())
                // at least this shop's events (other tests' shops may add more)
                .jsonPath("$.rebuild.applied").value(n -> assertThat(((Number) n).longValue())
                        .isGreaterThanOrEqualTo(shop.published + people.published));

        assertThat(snapshot()).isEqualTo(before);
        assertThat(body(report, token)).isEqualTo(reportBefore);
        assertThat(body("/api/v1/reports/dashboard", token)).isEqualTo(dashboardBefore);
        assertThat(body(performance, peopleToken)).isEqualTo(performanceBefore);
        assertThat(body("/api/v1/reports/status", token)).contains("\"state\":\"DONE\"");
        // through a proxy, or from another host (the metrics scraper reaches the management port too), it does not answer
        local.post().uri("/actuator/readmodels").header("X-Forwarded-For", "203.0.113.9").exchange()
                .expectStatus().isForbidden().expectBody().consumeWith(b -> { });
    }

    /**
     * The operator's endpoint is on the management port, which needs no token and which the metrics scraper reaches
     * too: there it answers loopback callers only. The public port has no /actuator path at all.
     */
    @Test
    void theRebuildEndpointIsOnTheManagementPortForLoopbackCallersOnly() {
        String owner = TestInfrastructure.get().jwt().token("u-own", "shop-rebuild-guard", "OWNER");
        http.post().uri("/actuator/readmodels").exchange().expectStatus().isNotFound();
        http.post().uri("/actuator/readmodels").headers(h -> h.setBearerAuth(owner)).exchange().expectStatus().isNotFound();
        http.get().uri("/actuator/readmodels").exchange().expectStatus().isNotFound();
        WebTestClient local = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(40)).build();
        local.get().uri("/actuator/readmodels").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.rebuild.state").exists();
        local.get().uri("/actuator/readmodels").header("X-Forwarded-For", "203.0.113.9").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        local.post().uri("/actuator/readmodels").header("X-Forwarded-For", "203.0.113.9").exchange()
                .expectStatus().isForbidden();
    }

    private String body(String uri, String token) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private long lag(String token) {
        Map<?, ?> s = http.get().uri("/api/v1/reports/status").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) s.get("lag")).longValue();
    }

    /** Every row of every read-model table, as text, in a stable order. */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> all = new java.util.TreeMap<>();
        for (String table : TABLES) {
            List<String> rows = db.sql("SELECT t::text AS r FROM " + table + " t ORDER BY 1")
                    .map(r -> r.get("r", String.class)).all().collectList().block(Duration.ofSeconds(30));
            all.put(table, new ArrayList<>(rows));
        }
        return all;
    }
}

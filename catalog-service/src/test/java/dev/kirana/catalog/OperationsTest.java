package dev.kirana.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What an SRE and an API consumer rely on: probes that mean something, metrics, the OpenAPI document, request ids. */
@CatalogServiceTest
class OperationsTest {
    @Autowired
    WebTestClient http;

    @LocalServerPort
    int publicPort;

    @LocalManagementPort
    int managementPort;

    private static String ownerToken() {
        return dev.kirana.testing.TestInfrastructure.get().jwt().token("u-owner", "shop-ops", "OWNER");
    }

    private WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
    }

    @Autowired
    org.springframework.r2dbc.core.DatabaseClient db;

    /** No statement, lock wait or forgotten transaction holds a pooled connection (and its row locks) for ever. */
    @Test
    void everyDatabaseSessionHasTimeLimits() {
        var limits = db.sql("""
                        SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock,
                               current_setting('idle_in_transaction_session_timeout') AS idle""")
                .fetch().one().block(java.time.Duration.ofSeconds(30));
        org.assertj.core.api.Assertions.assertThat(limits)
                .containsEntry("statement", "30s").containsEntry("lock", "10s").containsEntry("idle", "15s");
    }

    /** Probes and metrics on the management port without a token; the public port knows no /actuator path. */
    @Test
    void actuatorAnswersOnTheManagementPortOnly() {
        assertThat(managementPort).isNotEqualTo(publicPort).isNotEqualTo(18082).isPositive();
        for (String path : new String[]{"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                "/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator", "/actuator/env"}) {
            http.get().uri(path).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(404);
            // a tenant's token opens nothing there either
            http.get().uri(path).headers(h -> h.setBearerAuth(ownerToken())).exchange().expectStatus().isNotFound();
        }
        management().get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        management().get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        management().get().uri("/actuator/health").exchange().expectStatus().isOk();
        // metrics are Prometheus' only; the JSON metrics endpoint is not exposed
        management().get().uri("/actuator/metrics").exchange().expectStatus().isNotFound();
    }

    /**
     * Readiness is the database (and the service's own state), not Kafka: the outbox holds writes while the broker is
     * away, so a broker blip must not take the pods out of the Service. Kafka's state is still in /actuator/health.
     * No details (disk path, Kafka cluster id) are shown by default, only each component's status.
     */
    @Test
    void readinessIsTheDatabaseNotKafkaAndHealthShowsNoDetails() {
        management().get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.readinessState.status").isEqualTo("UP")
                .jsonPath("$.components.kafka").doesNotExist();
        String health = management().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(health).contains("\"kafka\":{\"status\":\"UP\"}").contains("\"diskSpace\":{\"status\":\"UP\"}")
                .doesNotContain("details").doesNotContain("clusterId").doesNotContain("path");
        management().get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.livenessState.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc").doesNotExist()
                .jsonPath("$.components.kafka").doesNotExist();
    }

    @Test
    void prometheusMetricsAreExposedWithoutATokenOnTheManagementPort() {
        management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("jvm_memory_used_bytes").contains("application=\"catalog-service\""));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/v1/products'].post").exists()
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer");
    }

    @Test
    void everyResponseCarriesARequestId() {
        http.get().uri("/api/v1/products").header("X-Request-Id", "req-123").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Request-Id", "req-123");
        management().get().uri("/actuator/health/liveness").exchange()
                .expectHeader().valueMatches("X-Request-Id", "[0-9a-f-]{36}");
    }
}

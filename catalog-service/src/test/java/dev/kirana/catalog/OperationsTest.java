package dev.kirana.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What an SRE and an API consumer rely on: probes that mean something, metrics, the OpenAPI document, request ids. */
@CatalogServiceTest
class OperationsTest {
    @Autowired
    WebTestClient http;

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

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP");
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void prometheusMetricsAreExposedWithoutAToken() {
        http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body)
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
        http.get().uri("/actuator/health/liveness").exchange()
                .expectHeader().valueMatches("X-Request-Id", "[0-9a-f-]{36}");
    }
}

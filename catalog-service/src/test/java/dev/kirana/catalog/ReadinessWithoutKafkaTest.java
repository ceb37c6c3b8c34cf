package dev.kirana.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * catalog-service whose Kafka is unreachable (its bootstrap address is a port where nothing listens): it stays ready,
 * because writes wait in the outbox and consumers resume, so a broker blip must not take every pod out of its Service.
 * The broker's state is still reported by /actuator/health.
 */
@CatalogServiceTest
@TestPropertySource(properties = {
        // start without waiting for the broker that is not there
        "spring.kafka.admin.operation-timeout=2",
        "spring.kafka.admin.close-timeout=1s"})
class ReadinessWithoutKafkaTest {
    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void deadBroker(DynamicPropertyRegistry registry) {
        registry.add("kirana.test.kafka-bootstrap", () -> "127.0.0.1:" + closedPort());
    }

    @Test
    void readinessAndLivenessStayUpWhileKafkaIsDown() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
        management.get().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.components.kafka.status").isEqualTo("DOWN")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP");
        management.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP");
        management.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    /** A loopback port that was free a moment ago: nothing listens there. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            assertThat(port).isPositive();
            return port;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

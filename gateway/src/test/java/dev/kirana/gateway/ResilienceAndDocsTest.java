package dev.kirana.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Time limits, retries, circuit breakers, rate limits and the aggregated API docs. */
class ResilienceAndDocsTest extends GatewayTest {

    private String token() {
        return issuers.token("u-" + UUID.randomUUID(), "shop-" + UUID.randomUUID(), "OWNER");
    }

    @Test
    void aServiceThatIsDownGetsA503ProblemNotAHang() {
        http.get().uri("/api/v1/inventory/stock").headers(h -> h.setBearerAuth(token())).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("inventory-service"))
                .jsonPath("$.instance").isEqualTo("/api/v1/inventory/stock");
    }

    @Test
    void aSlowServiceIsCutOffAtTheRoutesTimeLimit() {
        long start = System.nanoTime();
        http.get().uri("/api/v1/products/slow").headers(h -> h.setBearerAuth(token())).exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/upstream-timeout");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2900);
    }

    @Test
    void idempotentRequestsAreRetriedAndOthersAreNot() {
        String token = token();
        http.get().uri("/api/v1/orders/flaky").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.call").isEqualTo(3);
        assertThat(stub.calls("GET /api/v1/orders/flaky")).isEqualTo(3);

        http.post().uri("/api/v1/reports/flaky").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stub.calls("POST /api/v1/reports/flaky")).isEqualTo(1);
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndLaterCallsAreNotForwarded() {
        String token = token();
        for (int i = 0; i < 2; i++) {
            http.post().uri("/api/v1/accounting/broken").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of()).exchange().expectStatus().isEqualTo(503);
        }
        assertThat(stub.calls("POST /api/v1/accounting/broken")).isEqualTo(2);
        http.get().uri("/api/v1/accounting/ledger").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stub.calls("GET /api/v1/accounting/ledger")).isZero();
    }

    @Test
    void aUserOverTheRoutesLimitGets429WithRetryAfterAndThenRecovers() {
        String token = token();
        String path = "/api/v1/reports/sales";
        // 20 requests at once against a burst of 3 refilled at 1/s: some pass, the rest are refused
        List<EntityExchangeResult<String>> results = burst(token, path, 20);
        Map<Integer, Long> byStatus = results.stream().collect(Collectors.groupingBy(r -> r.getStatus().value(), Collectors.counting()));
        assertThat(byStatus.keySet()).containsOnly(200, 429);
        assertThat(byStatus.get(200)).isBetween(3L, 10L);
        assertThat(byStatus.get(429)).isPositive();
        results.stream().filter(r -> r.getStatus().value() == 429).forEach(r -> {
            assertThat(r.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(r.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(r.getResponseBody()).contains("\"type\":\"https://kirana.dev/problems/rate-limited\"").contains("\"status\":429");
        });
        // another user of another shop is not affected
        http.get().uri(path).headers(h -> h.setBearerAuth(token())).exchange().expectStatus().isOk();
        // and the limited user recovers once the bucket refills
        long deadline = System.currentTimeMillis() + 10_000;
        int recovered = 429;
        while (recovered == 429 && System.currentTimeMillis() < deadline) {
            recovered = http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange().returnResult(String.class).getStatus().value();
        }
        assertThat(recovered).isEqualTo(200);
    }

    List<EntityExchangeResult<String>> burst(String token, String path, int n) {
        return Flux.range(0, n)
                .flatMap(i -> Mono.fromCallable(() -> http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange()
                        .expectBody(String.class).returnResult()).subscribeOn(Schedulers.boundedElastic()), n)
                .collectList().block(Duration.ofSeconds(60));
    }

    @Test
    void eachServicesApiDocIsServedThroughTheGatewayWithoutItsOwnServerAddress() {
        http.get().uri("/v3/api-docs/order-service").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").isEqualTo("3.1.0")
                .jsonPath("$.servers").doesNotExist();
        http.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.urls[?(@.name=='order-service')].url").isEqualTo("/v3/api-docs/order-service")
                .jsonPath("$.urls.length()").isEqualTo(7);
        http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        // the gateway's own operations: the web console's session
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/console/session'].post.summary").value(s -> assertThat((String) s).startsWith("Sign in"))
                .jsonPath("$.paths['/console/session/refresh'].post").exists()
                .jsonPath("$.paths['/console/session/shop'].post").exists()
                .jsonPath("$.paths['/console/session'].delete").exists();
    }
}

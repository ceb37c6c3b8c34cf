package dev.kirana.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kirana.gateway.ratelimit.RedisTokenBuckets;
import dev.kirana.gateway.ratelimit.TokenBuckets;
import dev.kirana.testing.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With KIRANA_REDIS_URL set, the gateway keeps its rate limits in Redis (the real one CI runs). */
class RedisRateLimitTest extends GatewayTest {
    @Autowired
    TokenBuckets buckets;

    @BeforeAll
    static void redisIsThere() {
        assumeTrue(TestInfrastructure.redis().isPresent(), "no Redis reachable (CI has one on 127.0.0.1:6379)");
    }

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        TestInfrastructure.redis().ifPresent(a -> registry.add("KIRANA_REDIS_URL", () -> "redis://" + a.getHostString() + ":" + a.getPort()));
    }

    @Test
    void overTheLimitIs429WithRetryAfterAndThenRecovers() {
        assertThat(buckets).isInstanceOf(RedisTokenBuckets.class);
        String token = issuers.token("u-" + UUID.randomUUID(), "shop-" + UUID.randomUUID(), "OWNER");
        String path = "/api/v1/reports/stock";
        List<EntityExchangeResult<String>> results = Flux.range(0, 20)
                .flatMap(i -> Mono.fromCallable(() -> http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange()
                        .expectBody(String.class).returnResult()).subscribeOn(Schedulers.boundedElastic()), 20)
                .collectList().block(Duration.ofSeconds(60));
        Map<Integer, Long> byStatus = results.stream().collect(Collectors.groupingBy(r -> r.getStatus().value(), Collectors.counting()));
        assertThat(byStatus.keySet()).containsOnly(200, 429);
        assertThat(byStatus.get(200)).isBetween(3L, 10L);
        results.stream().filter(r -> r.getStatus().value() == 429).forEach(r -> {
            assertThat(r.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(r.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        });
        long deadline = System.currentTimeMillis() + 10_000;
        int status = 429;
        while (status == 429 && System.currentTimeMillis() < deadline) {
            status = http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange().returnResult(String.class).getStatus().value();
        }
        assertThat(status).isEqualTo(200);
    }
}

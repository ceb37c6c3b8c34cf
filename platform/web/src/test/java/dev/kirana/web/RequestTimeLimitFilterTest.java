package dev.kirana.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class RequestTimeLimitFilterTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RequestTimeLimitFilter filter = new RequestTimeLimitFilter(Duration.ofMillis(300), meters);

    @Test
    void aRequestThatNeverAnswersGetsA503ProblemAfterTheLimit() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/products/tax-rates?hsn=ab"));
        StepVerifier.create(filter.filter(exchange, ex -> Mono.never())).expectComplete().verify(Duration.ofSeconds(5));

        var response = exchange.getResponse();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(response.getBodyAsString().block(Duration.ofSeconds(5)))
                .contains("\"type\":\"https://kirana.dev/problems/timeout\"").contains("\"status\":503")
                .contains("\"instance\":\"/api/v1/products/tax-rates\"");
        assertThat(meters.counter("kirana.http.server.timeouts").count()).isEqualTo(1.0);
    }

    @Test
    void aPromptAnswerPassesUntouched() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/products"));
        StepVerifier.create(filter.filter(exchange, ex -> {
            ex.getResponse().setStatusCode(HttpStatus.OK);
            return ex.getResponse().writeWith(Mono.just(ex.getResponse().bufferFactory().wrap("[]".getBytes(StandardCharsets.UTF_8))));
        })).expectComplete().verify(Duration.ofSeconds(5));
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(meters.counter("kirana.http.server.timeouts").count()).isZero();
    }

    @Test
    void aResponseAlreadyStreamingOutIsLeftToFinish() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/products/export"));
        // commits at once, then keeps writing for longer than the limit (a large export)
        StepVerifier.create(filter.filter(exchange, ex -> ex.getResponse().setComplete()
                        .then(Mono.delay(Duration.ofMillis(800))).then()))
                .expectComplete().verify(Duration.ofSeconds(5));
        assertThat(exchange.getResponse().getStatusCode()).isNotEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(meters.counter("kirana.http.server.timeouts").count()).isZero();
    }
}

package dev.kirana.web;

import dev.kirana.web.problem.ProblemWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * No request waits forever: a request that has not started its response within the limit is answered with a
 * problem+json 503 and its work is cancelled (a transaction in flight rolls back; an {@code Idempotency-Key} makes the
 * retry safe). A response that has started (a large export streaming out) is left to finish.
 */
public class RequestTimeLimitFilter implements WebFilter, Ordered {
    private static final Logger log = LoggerFactory.getLogger(RequestTimeLimitFilter.class);
    private final Duration limit;
    private final Counter timeouts;

    public RequestTimeLimitFilter(Duration limit, MeterRegistry meters) {
        this.limit = limit;
        this.timeouts = meters == null ? null : Counter.builder("kirana.http.server.timeouts")
                .description("Requests answered 503 because they did not start a response within the server's time limit")
                .register(meters);
    }

    public Duration limit() {
        return limit;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var response = exchange.getResponse();
        // fires only while nothing has been sent; once a response is committed it is left to finish
        Mono<Long> deadline = Mono.delay(limit).flatMap(t -> response.isCommitted() ? Mono.never() : Mono.just(t));
        return chain.filter(exchange).timeout(deadline, Mono.defer(() -> {
            if (timeouts != null) {
                timeouts.increment();
            }
            log.warn("{} {} did not answer within {} s (request id {}); answered 503", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), limit.toSeconds(), exchange.getAttribute(RequestIdFilter.ATTRIBUTE));
            if (response.isCommitted()) {
                return Mono.empty();
            }
            response.getHeaders().set("Retry-After", "1");
            return ProblemWriter.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "timeout", "Request timed out",
                    "The request did not complete within " + limit.toSeconds() + " s and was abandoned; "
                            + "retry it (with the same Idempotency-Key for a write)");
        }));
    }

    /** Just inside the request-id filter, so the id is known, and around everything else, security included. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}

package dev.kirana.gateway.edge;

import dev.kirana.web.problem.ProblemWriter;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a call that failed, timed out, or was not attempted because the
 * circuit is open: a 503 (or 504 for a time-out) problem that names the service, never a hanging request.
 */
@RestController
@Hidden
public class FallbackController {

    @RequestMapping("/fallback/{service}")
    public Mono<Void> fallback(@PathVariable String service, ServerWebExchange forwarded) {
        Throwable cause = forwarded.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        // the problem's "instance" is the path the caller asked for, not this forward target
        String original = forwarded.getAttribute(ForwardedRequestHeaders.ORIGINAL_PATH);
        ServerWebExchange exchange = original == null ? forwarded : forwarded.mutate().request(r -> r.path(original)).build();
        boolean timeout = cause instanceof TimeoutException;
        exchange.getResponse().getHeaders().set("Retry-After", "5");
        if (timeout) {
            return ProblemWriter.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "Service too slow",
                    service + " did not answer in time; the request may or may not have been applied. "
                            + "Retry with the same Idempotency-Key where the endpoint takes one");
        }
        return ProblemWriter.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                service + " is unavailable right now; try again shortly");
    }
}

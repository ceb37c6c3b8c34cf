package dev.kirana.gateway.edge;

import dev.kirana.web.CorrelatedLog;
import dev.kirana.web.problem.ProblemWriter;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error raised at the gateway itself (no route, a service that cannot be reached or is too slow,
 * anything unexpected) becomes an RFC 9457 problem, like the services' own errors. 5xx details stay inside.
 */
@Component
@Order(-2)
public class GatewayErrors implements ErrorWebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        Throwable cause = rootCause(ex);
        if (cause instanceof TimeoutException) {
            return ProblemWriter.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "Service too slow",
                    "The service did not answer in time; the request may or may not have been applied. "
                            + "Retry with the same Idempotency-Key where the endpoint takes one");
        }
        if (cause instanceof CallNotPermittedException || cause instanceof ConnectException) {
            exchange.getResponse().getHeaders().set("Retry-After", "5");
            return ProblemWriter.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                    "The service is unavailable right now; try again shortly");
        }
        if (cause instanceof DataBufferLimitException) {
            return ProblemWriter.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
                    "The request is larger than the gateway accepts");
        }
        if (ex instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            status = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
            if (status == HttpStatus.NOT_FOUND) {
                return ProblemWriter.write(exchange, status, "not-found", "Not found", "There is no API at this path");
            }
            if (status.is4xxClientError()) {
                return ProblemWriter.write(exchange, status, slug(status), status.getReasonPhrase(),
                        rse.getReason() == null ? status.getReasonPhrase() : rse.getReason());
            }
            if (status == HttpStatus.GATEWAY_TIMEOUT || status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.BAD_GATEWAY) {
                return CorrelatedLog.write(() -> log.warn("upstream failure on {}: {}", exchange.getRequest().getPath(), ex.toString()))
                        .then(ProblemWriter.write(exchange, status, slug(status), status.getReasonPhrase(),
                                "The service behind this path is unavailable or too slow; try again shortly"));
            }
        }
        return CorrelatedLog.write(() -> log.error("unhandled gateway error on {}", exchange.getRequest().getPath(), ex))
                .then(ProblemWriter.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                        "Something went wrong at the gateway"));
    }

    private static String slug(HttpStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static Throwable rootCause(Throwable ex) {
        Throwable t = ex;
        for (int i = 0; i < 10 && t.getCause() != null && t.getCause() != t; i++) {
            if (t instanceof TimeoutException || t instanceof CallNotPermittedException || t instanceof ConnectException) {
                return t;
            }
            t = t.getCause();
        }
        return t;
    }
}

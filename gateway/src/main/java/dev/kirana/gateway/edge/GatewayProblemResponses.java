package dev.kirana.gateway.edge;

import dev.kirana.web.problem.ProblemWriter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gateway filters that refuse a request (rate limit 429, request too large 413, ...) end the response
 * without a body. This gives those refusals the suite's problem+json body. Responses that came from a
 * service are left exactly as the service sent them.
 */
@Component
public class GatewayProblemResponses implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerWebExchange[] holder = new ServerWebExchange[1];
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                HttpStatusCode status = getStatusCode();
                boolean fromService = holder[0].getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR) != null;
                if (status == null || !status.isError() || fromService || isCommitted()) {
                    return super.setComplete();
                }
                HttpStatus s = HttpStatus.resolve(status.value());
                if (s == HttpStatus.TOO_MANY_REQUESTS) {
                    return ProblemWriter.write(holder[0], s, "rate-limited", "Too many requests",
                            "You are sending requests faster than allowed; retry after " + getHeaders().getFirst("Retry-After") + " second(s)");
                }
                if (s == HttpStatus.CONTENT_TOO_LARGE) {
                    return ProblemWriter.write(holder[0], s, "too-large", "Request too large",
                            "The request body is larger than the gateway accepts");
                }
                if (s != null) {
                    return ProblemWriter.write(holder[0], s, s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                            s.getReasonPhrase(), s.getReasonPhrase());
                }
                return super.setComplete();
            }
        };
        holder[0] = exchange.mutate().response(response).build();
        return chain.filter(holder[0]);
    }

    @Override
    public int getOrder() {
        // inside the request-id filter (so the id header is set), outside security and the gateway handler
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}

package dev.kirana.reporting.readmodel;

import dev.kirana.web.problem.ProblemWriter;
import java.net.InetSocketAddress;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * {@code /actuator/readmodels} answers callers on the loopback interface only (an operator on the host or in the pod).
 * It is on the management port, which needs no token and which the metrics scraper reaches as well; this filter is a
 * web filter of the service's context, and those run for the management server's requests too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class LocalOnlyFilter implements WebFilter {
    static final String PATH = "/actuator/readmodels";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith(PATH)) {
            return chain.filter(exchange);
        }
        InetSocketAddress from = exchange.getRequest().getRemoteAddress();
        boolean local = from != null && from.getAddress() != null && from.getAddress().isLoopbackAddress()
                && exchange.getRequest().getHeaders().getFirst("X-Forwarded-For") == null;
        return local ? chain.filter(exchange)
                : ProblemWriter.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "The read-model endpoint answers on the service's own host only");
    }
}

package dev.kirana.gateway.edge;

import dev.kirana.gateway.EdgeProperties;
import dev.kirana.web.RequestIdFilter;
import java.util.List;
import java.util.Locale;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What a service receives from the gateway: never identity claims made up by the client (services read
 * identity only from the validated token, which is forwarded as is), the request id of this request,
 * and forwarding headers only when the request came through a proxy it trusts ({@link ClientAddress}). On the way back, headers
 * that both the gateway and the service set (request id, security headers) are sent once.
 */
@Component
public class ForwardedRequestHeaders implements GlobalFilter, Ordered {
    private static final List<String> SINGLE_VALUED = List.of(RequestIdFilter.HEADER, "Cache-Control", "Pragma", "Expires",
            "X-Content-Type-Options", "X-Frame-Options", "X-XSS-Protection", "Referrer-Policy", "Strict-Transport-Security");
    private final List<String> names;
    private final List<String> prefixes;
    private final ClientAddress clientAddress;

    public ForwardedRequestHeaders(EdgeProperties props, ClientAddress clientAddress) {
        this.names = props.identityHeaders().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.prefixes = props.identityHeaderPrefixes().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.clientAddress = clientAddress;
    }

    /** The path the caller asked for (a circuit-breaker fallback is a forward to another path). */
    public static final String ORIGINAL_PATH = ForwardedRequestHeaders.class.getName() + ".path";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        exchange.getAttributes().putIfAbsent(ORIGINAL_PATH, exchange.getRequest().getPath().value());
        String requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
        boolean fromTrustedProxy = clientAddress.fromTrustedProxy(exchange.getRequest());
        var request = exchange.getRequest().mutate().headers(h -> {
            h.headerNames().stream().filter(n -> dropped(n, fromTrustedProxy)).toList().forEach(h::remove);
            if (requestId != null) {
                h.set(RequestIdFilter.HEADER, requestId);
            }
        }).build();
        var response = exchange.getResponse();
        response.beforeCommit(() -> {
            for (String name : SINGLE_VALUED) {
                List<String> values = response.getHeaders().get(name);
                if (values != null && values.size() > 1) {
                    // the service's value came last; it knows its resource best
                    response.getHeaders().set(name, values.get(values.size() - 1));
                }
            }
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(request).build());
    }

    boolean dropped(String header, boolean fromTrustedProxy) {
        String h = header.toLowerCase(Locale.ROOT);
        if (names.contains(h) || prefixes.stream().anyMatch(h::startsWith)) {
            return true;
        }
        return !fromTrustedProxy && (h.equals("forwarded") || h.startsWith("x-forwarded-")
                || h.equals("x-real-ip"));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

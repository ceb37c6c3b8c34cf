package dev.kirana.web.audit;

import java.net.InetSocketAddress;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the caller's address into the Reactor context for the audit trail ({@link AuditContext#IP}): the first
 * {@code X-Forwarded-For} hop, which the gateway sets from the address it trusts, else the connection's peer.
 */
public class AuditContextFilter implements WebFilter, Ordered {
    @Override
    public int getOrder() {
        // before Spring Security's WebFilterChainProxy (-100): every filter and handler after it sees the address
        return -200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String address = address(exchange);
        if (address == null) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).contextWrite(ctx -> ctx.put(AuditContext.IP, address));
    }

    /** The caller's address, or null when there is none that fits an audit record (64 characters). */
    public static String address(ServerWebExchange exchange) {
        String forwarded = exchange.getRequest().getHeaders().getFirst("X-Forwarded-For");
        String ip = null;
        if (forwarded != null && !forwarded.isBlank()) {
            ip = forwarded.split(",")[0].trim();
        } else {
            InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
            if (remote != null && remote.getAddress() != null) {
                ip = remote.getAddress().getHostAddress();
            }
        }
        return ip == null || ip.isEmpty() || ip.length() > 64 ? null : ip;
    }
}

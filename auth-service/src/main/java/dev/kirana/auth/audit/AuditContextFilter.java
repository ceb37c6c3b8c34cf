package dev.kirana.auth.audit;

import java.net.InetSocketAddress;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the caller's address into the Reactor context for the audit trail: the first {@code X-Forwarded-For} hop, which
 * the gateway sets from the address it trusts, else the connection's peer.
 */
@Component
public class AuditContextFilter implements WebFilter {
    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
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
        if (ip == null || ip.length() > 64) {
            return chain.filter(exchange);
        }
        String address = ip;
        return chain.filter(exchange).contextWrite(ctx -> ctx.put(AuditTrail.IP, address));
    }
}

package dev.kirana.gateway.ratelimit;

import dev.kirana.gateway.edge.ClientAddress;
import dev.kirana.web.security.ShopPrincipal;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who a request is charged to: the token's user (or API client) and shop, or, without a token, the client's
 * address ({@link ClientAddress}: the peer, or behind a trusted proxy the rightmost untrusted forwarded hop).
 * Identity comes only from the validated token, never from headers the client sent.
 */
public class RateLimitKeys implements KeyResolver {
    private final ClientAddress clientAddress;

    public RateLimitKeys(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    public record Key(String user, String shop, String address) {
    }

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(p -> p instanceof Authentication a && a.getPrincipal() instanceof ShopPrincipal)
                .map(p -> (ShopPrincipal) ((Authentication) p).getPrincipal())
                .map(sp -> "u:" + sp.issuer() + "#" + sp.subject() + (sp.shopId() == null ? "" : "|s:" + sp.shopId()))
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + address(exchange)));
    }

    static Key parse(String id) {
        if (id.startsWith("ip:")) {
            return new Key(null, null, id.substring(3));
        }
        int bar = id.lastIndexOf("|s:");
        String user = id.substring(2, bar < 0 ? id.length() : bar);
        return new Key(user, bar < 0 ? null : id.substring(bar + 3), null);
    }

    private String address(ServerWebExchange exchange) {
        return clientAddress.of(exchange.getRequest());
    }
}

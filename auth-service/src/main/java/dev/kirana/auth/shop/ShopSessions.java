package dev.kirana.auth.shop;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** The login sessions of a shop, as far as the shop's lifecycle needs them (implemented where the sessions are kept). */
public interface ShopSessions {
    /** Ends every session in the shop, whoever's. @return sessions' tokens revoked */
    Mono<Long> revokeAllInShop(UUID shopId, String reason);
}

package dev.kirana.auth.shop;

import dev.kirana.web.security.Role;
import java.time.Instant;
import java.util.UUID;

/** A user's role in one shop, and whether that shop is in use ({@link ShopStatus#ACTIVE}). */
public record Membership(UUID shopId, String shopName, UUID userId, Role role, Instant since, ShopStatus shopStatus) {

    /** Tokens are issued, and requests served, only for a shop in use. */
    public boolean usable() {
        return shopStatus == ShopStatus.ACTIVE;
    }
}

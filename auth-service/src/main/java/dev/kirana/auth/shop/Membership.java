package dev.kirana.auth.shop;

import dev.kirana.web.security.Role;
import java.time.Instant;
import java.util.UUID;

/** A user's role in one shop. */
public record Membership(UUID shopId, String shopName, UUID userId, Role role, Instant since) {
}

package dev.kirana.auth.client;

import java.util.List;

/**
 * The scopes a partner API client can hold: {@code <area>:read} and {@code <area>:write}. Services check
 * them with {@code ShopPrincipal.requireRoleOrScope(scope, roles...)}.
 */
public final class Scopes {
    public static final List<String> ALL = List.of(
            "shop:read",
            "catalog:read", "catalog:write",
            "inventory:read", "inventory:write",
            "orders:read", "orders:write",
            "accounting:read", "accounting:write",
            "reports:read");

    private Scopes() {
    }
}

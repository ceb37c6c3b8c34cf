package dev.kirana.auth.client;

import java.util.List;

/**
 * The scopes a partner API client can hold: {@code <area>:read} and {@code <area>:write}. Which read each
 * {@code :read} scope opens is the services' matrix, {@code dev.kirana.web.security.Access} (the README's "Roles and
 * scopes"): a client with {@code orders:read} only reads orders. A write scope does not grant the read.
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

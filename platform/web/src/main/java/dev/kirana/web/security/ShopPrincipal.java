package dev.kirana.web.security;

import dev.kirana.web.problem.Problems;
import java.util.Arrays;
import java.util.Set;

/**
 * Who is calling and for which shop: taken from a validated token, never from request headers or body.
 * Every query a service runs is scoped by {@link #shopId()}.
 *
 * @param subject user id, or client id for a partner API client
 * @param shopId  the active shop named by the token
 * @param roles   the caller's roles in that shop (empty for API clients)
 * @param scopes  OAuth2 scopes (API clients)
 * @param issuer  the token's issuer (native auth-service or a configured Keycloak realm)
 */
public record ShopPrincipal(String subject, String shopId, Set<Role> roles, Set<String> scopes, String issuer) {

    public boolean hasAnyRole(Role... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    /** Throws a 403 problem unless the caller has one of the roles. */
    public ShopPrincipal require(Role... wanted) {
        if (!hasAnyRole(wanted)) {
            throw Problems.forbidden("This action needs one of the roles " + Arrays.toString(wanted) + " in this shop");
        }
        return this;
    }

    /** Throws a 403 problem unless the caller has one of the roles or, for an API client, the scope. */
    public ShopPrincipal requireRoleOrScope(String scope, Role... wanted) {
        if (!hasAnyRole(wanted) && !scopes.contains(scope)) {
            throw Problems.forbidden("This action needs one of the roles " + Arrays.toString(wanted) + " or scope " + scope);
        }
        return this;
    }

    /** The active shop; a 403 problem when the token names none (a user who has not picked a shop yet). */
    public String requireShop() {
        if (shopId == null || shopId.isBlank()) {
            throw Problems.forbidden("The token names no active shop; switch to a shop first");
        }
        return shopId;
    }

    /** Only auditors (and no writing role): may read, never write. */
    public boolean readOnly() {
        return !roles.isEmpty() && roles.stream().allMatch(r -> r == Role.AUDITOR);
    }
}

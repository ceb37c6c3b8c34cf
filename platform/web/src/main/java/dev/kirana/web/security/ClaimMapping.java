package dev.kirana.web.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Maps a validated token's claims to a {@link ShopPrincipal}. Native tokens carry {@code shop_id},
 * {@code roles} and {@code scope}; tokens from an external issuer name their claims in configuration.
 *
 * @param shopClaim  claim holding the active shop id
 * @param rolesClaim dotted path of the claim holding role names (e.g. {@code realm_access.roles})
 */
public record ClaimMapping(String shopClaim, String rolesClaim) {
    public static final ClaimMapping NATIVE = new ClaimMapping("shop_id", "roles");

    public ShopPrincipal principal(Jwt jwt) {
        String subject = jwt.getClaimAsString("client_id") != null && jwt.getSubject() == null
                ? jwt.getClaimAsString("client_id") : jwt.getSubject();
        String shopId = stringClaim(jwt.getClaims(), shopClaim);
        Set<Role> roles = new LinkedHashSet<>();
        for (String name : listClaim(jwt.getClaims(), rolesClaim)) {
            try {
                roles.add(Role.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException ignored) {
                // roles of other applications in the same issuer are not ours
            }
        }
        Set<String> scopes = new LinkedHashSet<>();
        String scope = jwt.getClaimAsString("scope");
        if (scope != null && !scope.isBlank()) {
            scopes.addAll(List.of(scope.trim().split("\\s+")));
        }
        String issuer = jwt.getIssuer() == null ? null : jwt.getIssuer().toString();
        return new ShopPrincipal(subject, shopId, Set.copyOf(roles), Set.copyOf(scopes), issuer);
    }

    private static Object path(Map<String, Object> claims, String dotted) {
        Object current = claims;
        for (String part : dotted.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static String stringClaim(Map<String, Object> claims, String dotted) {
        Object v = path(claims, dotted);
        if (v instanceof Collection<?> c) {
            return c.isEmpty() ? null : String.valueOf(c.iterator().next());
        }
        return v == null ? null : String.valueOf(v);
    }

    private static List<String> listClaim(Map<String, Object> claims, String dotted) {
        Object v = path(claims, dotted);
        if (v instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return v == null ? List.of() : List.of(String.valueOf(v).split("[,\\s]+"));
    }
}

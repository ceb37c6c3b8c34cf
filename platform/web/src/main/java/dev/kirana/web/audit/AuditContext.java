package dev.kirana.web.audit;

import dev.kirana.web.security.KiranaAuthentication;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.ShopPrincipal;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

/**
 * Who is acting, as an audit record names them: the caller's subject and role in the shop (from the validated token),
 * the device the token was issued to (its {@code device_id} claim) and the address {@link AuditContextFilter} put into
 * the Reactor context.
 */
public final class AuditContext {
    /** Reactor context key of the caller's address. */
    public static final String IP = AuditContext.class.getName() + ".ip";
    /** The role recorded for a partner API client (a token with scopes and no member role). */
    public static final String API_CLIENT = "API_CLIENT";

    /** The caller; every field may be null (a system action, an unauthenticated request). */
    public record Caller(String actorId, String role, UUID deviceId, String ip) {
        public static final Caller NONE = new Caller(null, null, null, null);
    }

    private AuditContext() {
    }

    /** The caller of the request being served; {@link Caller#NONE}'s fields outside one. */
    public static Mono<Caller> caller() {
        return Mono.deferContextual(ctx -> {
            String ip = ctx.<String>getOrEmpty(IP).orElse(null);
            return ReactiveSecurityContextHolder.getContext()
                    .map(SecurityContext::getAuthentication)
                    .map(auth -> of(auth, ip))
                    .defaultIfEmpty(new Caller(null, null, null, ip));
        });
    }

    static Caller of(Authentication auth, String ip) {
        if (auth == null || !(auth.getPrincipal() instanceof ShopPrincipal p)) {
            return new Caller(null, null, null, ip);
        }
        UUID device = null;
        if (auth instanceof KiranaAuthentication k && k.getToken() != null) {
            Object claim = k.getToken().getClaims().get("device_id");
            if (claim != null) {
                try {
                    device = UUID.fromString(claim.toString());
                } catch (IllegalArgumentException notAnId) {
                    device = null;
                }
            }
        }
        return new Caller(p.subject(), role(p), device, ip);
    }

    /** The member's role in the shop (the strongest one, should a token name several), or API_CLIENT. */
    static String role(ShopPrincipal p) {
        for (Role r : Role.values()) {
            if (p.roles().contains(r)) {
                return r.name();
            }
        }
        return p.scopes().isEmpty() ? null : API_CLIENT;
    }
}

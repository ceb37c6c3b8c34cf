package dev.kirana.auth.token;

import dev.kirana.auth.shop.Membership;
import dev.kirana.auth.shop.Memberships;
import dev.kirana.web.problem.Problems;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Starts and continues login sessions: picks the active shop (asked for, or the user's first shop),
 * reads the roles in it from the memberships, mints the access token and the next refresh token. Only a shop in use
 * is ever the active shop: a deleted shop gets no token (login skips it, a refresh continues elsewhere or ends, a switch to
 * it is refused); the access tokens it already had expire within {@code kirana.auth.access-token-ttl}.
 */
@Service
public class Sessions {
    public static final String PASSWORD = "pwd";
    public static final String OTP = "otp";
    public static final String PIN = "pin";

    private final Memberships memberships;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;

    public Sessions(Memberships memberships, AccessTokens accessTokens, RefreshTokens refreshTokens) {
        this.memberships = memberships;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
    }

    /** A new session in the user's default shop (or {@code shopId} when given: the user must be a member). */
    public Mono<TokenResponse> start(UUID userId, UUID shopId, UUID deviceId, String authMethod) {
        return activeShop(userId, shopId)
                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(m -> issue(null, userId, m.orElse(null), deviceId, authMethod));
    }

    /** Rotates a refresh token: the family continues in the same shop (or the default one, if the membership ended). */
    public Mono<TokenResponse> refresh(String refreshToken) {
        return refreshTokens.consume(refreshToken).flatMap(session -> memberships.of(session.userId())
                .filter(Membership::usable)
                .collectList()
                .flatMap(all -> {
                    Membership m = all.stream().filter(x -> x.shopId().equals(session.shopId())).findFirst()
                            .orElse(session.deviceId() != null || all.isEmpty() ? null : all.get(0));
                    if (session.deviceId() != null && m == null) {
                        // a device session is bound to the device's shop; without the membership it ends
                        return Mono.error(RefreshTokens.invalid("The membership this session was for has ended"));
                    }
                    return issue(session.familyId(), session.userId(), m, session.deviceId(), session.authMethod());
                }));
    }

    /**
     * Switches the active shop. With a refresh token of the same user the session family continues
     * (the presented token is consumed); otherwise a new session starts.
     */
    public Mono<TokenResponse> switchShop(UUID userId, UUID shopId, String refreshToken, String authMethod) {
        Mono<Membership> target = memberships.in(shopId, userId)
                .switchIfEmpty(Mono.error(Problems.notFound("You are not a member of shop " + shopId)))
                .flatMap(Sessions::usable);
        return target.flatMap(m -> {
            if (refreshToken == null || refreshToken.isBlank()) {
                return issue(null, userId, m, null, authMethod);
            }
            return refreshTokens.consume(refreshToken).flatMap(session -> session.userId().equals(userId)
                    ? issue(session.familyId(), userId, m, session.deviceId(), session.authMethod())
                    : Mono.error(RefreshTokens.invalid("The refresh token belongs to another user")));
        });
    }

    private Mono<Membership> activeShop(UUID userId, UUID shopId) {
        if (shopId != null) {
            return memberships.in(shopId, userId)
                    .switchIfEmpty(Mono.error(Problems.notFound("You are not a member of shop " + shopId)))
                    .flatMap(Sessions::usable);
        }
        return memberships.of(userId).filter(Membership::usable).next();
    }

    private static Mono<Membership> usable(Membership m) {
        return m.usable() ? Mono.just(m) : Mono.error(dev.kirana.auth.shop.ShopAccess.deleted(m.shopId()));
    }

    private Mono<TokenResponse> issue(UUID familyId, UUID userId, Membership shop, UUID deviceId, String authMethod) {
        UUID family = familyId == null ? UUID.randomUUID() : familyId;
        String shopId = shop == null ? null : shop.shopId().toString();
        List<String> roles = shop == null ? List.of() : List.of(shop.role().name());
        var grant = AccessTokens.Grant.user(userId.toString(), shopId, roles, authMethod, family.toString(),
                deviceId == null ? null : deviceId.toString());
        return accessTokens.mint(grant).zipWith(refreshTokens.issue(family, userId, shop == null ? null : shop.shopId(), deviceId, authMethod))
                .map(t -> new TokenResponse(t.getT1().token(), t.getT2(), "Bearer", t.getT1().ttl().toSeconds(),
                        shopId, roles, userId.toString()));
    }
}

package dev.kirana.auth.shop;

import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.ShopPrincipal;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authorisation for shop administration. auth-service owns the memberships, so it checks the caller's
 * role in the named shop from the database (always current), not from the token: a shop the caller is
 * not a member of does not exist for them (404); a member without the needed role gets 403; a member of a deleted
 * shop gets 409 {@code shop-deleted} (only its listing, reading and restoring look at a deleted shop).
 */
@Component
public class ShopAccess {
    private final Memberships memberships;

    public ShopAccess(Memberships memberships) {
        this.memberships = memberships;
    }

    public Mono<Membership> require(ShopPrincipal me, UUID shopId, Role... roles) {
        return requireInAnyState(me, shopId, roles).flatMap(m -> m.usable() ? Mono.just(m) : Mono.error(deleted(shopId)));
    }

    /** The shop is deleted: nothing is served or issued for it until its owner restores it. */
    public static org.springframework.web.ErrorResponseException deleted(UUID shopId) {
        return Problems.of(org.springframework.http.HttpStatus.CONFLICT, "shop-deleted", "Shop deleted",
                "Shop " + shopId + " was deleted; its owner can restore it (POST /api/v1/shops/" + shopId + "/restore) until it is purged");
    }

    /** The same check for a shop in any state: deleted shops included (reading and restoring them). */
    public Mono<Membership> requireInAnyState(ShopPrincipal me, UUID shopId, Role... roles) {
        Optional<UUID> user = userId(me);
        if (user.isEmpty()) {
            return Mono.error(Problems.notFound("Shop " + shopId + " not found"));
        }
        return memberships.in(shopId, user.get())
                .switchIfEmpty(Mono.error(Problems.notFound("Shop " + shopId + " not found")))
                .flatMap(m -> roles.length == 0 || Arrays.asList(roles).contains(m.role()) ? Mono.just(m)
                        : Mono.error(Problems.forbidden("This needs one of the roles " + Arrays.toString(roles)
                        + " in the shop; you are " + m.role())));
    }

    /** The same check for the active shop named by the token. */
    public Mono<Membership> requireActive(ShopPrincipal me, Role... roles) {
        return parse(me.requireShop())
                .map(shop -> require(me, shop, roles))
                .orElseGet(() -> Mono.error(Problems.notFound("Shop not found")));
    }

    /** The caller as a Kirana account (tokens of partner clients or external issuers name no account). */
    public static Optional<UUID> userId(ShopPrincipal me) {
        return me == null ? Optional.empty() : parse(me.subject());
    }

    public static UUID requireUser(ShopPrincipal me) {
        return userId(me).orElseThrow(() -> Problems.forbidden("This needs a Kirana user account"));
    }

    public static Optional<UUID> parse(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

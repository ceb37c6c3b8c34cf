package dev.kirana.auth.token;

import dev.kirana.auth.config.AuthProperties;
import dev.kirana.web.problem.Problems;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Opaque refresh tokens that rotate. Only a SHA-256 digest is stored. Each token is usable once: using it
 * marks it used and issues the next member of its family. Presenting a used token again means a copy
 * exists somewhere, so the whole family (that login session) is revoked.
 */
@Repository
public class RefreshTokens implements dev.kirana.auth.shop.ShopSessions {
    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);
    private final DatabaseClient db;
    private final AuthProperties props;
    private final Secrets secrets;

    /** A refresh token that was just consumed: the session it continues. */
    public record Session(UUID familyId, UUID userId, UUID shopId, UUID deviceId, String authMethod) {
    }

    public RefreshTokens(DatabaseClient db, AuthProperties props, Secrets secrets) {
        this.db = db;
        this.props = props;
        this.secrets = secrets;
    }

    /** Issues the next token of {@code familyId} (a new family when null). @return the token to hand out */
    public Mono<String> issue(UUID familyId, UUID userId, UUID shopId, UUID deviceId, String authMethod) {
        String token = secrets.token();
        var spec = db.sql("""
                        INSERT INTO refresh_token (id, family_id, user_id, shop_id, device_id, auth_method, token_hash, expires_at)
                        VALUES (:id, :family, :user, :shop, :device, :method, :hash, :expires)""")
                .bind("id", UUID.randomUUID())
                .bind("family", familyId == null ? UUID.randomUUID() : familyId)
                .bind("user", userId)
                .bind("method", authMethod)
                .bind("hash", Secrets.digest(token))
                .bind("expires", OffsetDateTime.now(ZoneOffset.UTC).plus(props.refreshTokenTtl()));
        spec = shopId == null ? spec.bindNull("shop", UUID.class) : spec.bind("shop", shopId);
        spec = deviceId == null ? spec.bindNull("device", UUID.class) : spec.bind("device", deviceId);
        return spec.then().thenReturn(token);
    }

    /**
     * Consumes a token. A used token revokes its family (that revocation commits on its own, even though
     * the caller gets an error); an unknown, expired or revoked one is simply refused.
     */
    public Mono<Session> consume(String token) {
        String hash = Secrets.digest(token);
        return db.sql("""
                        UPDATE refresh_token SET used_at = clock_timestamp()
                        WHERE token_hash = :hash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
                        RETURNING family_id, user_id, shop_id, device_id, auth_method""")
                .bind("hash", hash)
                .map(row -> new Session(row.get("family_id", UUID.class), row.get("user_id", UUID.class),
                        row.get("shop_id", UUID.class), row.get("device_id", UUID.class), row.get("auth_method", String.class)))
                .one()
                .switchIfEmpty(Mono.defer(() -> refuse(hash)));
    }

    private Mono<Session> refuse(String hash) {
        return db.sql("SELECT family_id, used_at, revoked_at FROM refresh_token WHERE token_hash = :hash")
                .bind("hash", hash)
                .map(row -> new Object[]{row.get("family_id", UUID.class), row.get("used_at", OffsetDateTime.class),
                        row.get("revoked_at", OffsetDateTime.class)})
                .one()
                .flatMap(r -> {
                    if (r[1] != null && r[2] == null) {
                        UUID family = (UUID) r[0];
                        log.warn("refresh token reuse detected; revoking session family {}", family);
                        return revokeFamily(family, "reuse").then(Mono.error(invalid(
                                "This refresh token was already used; the session was revoked for safety. Log in again.")));
                    }
                    return Mono.<Session>error(invalid("The refresh token is expired or revoked"));
                })
                .switchIfEmpty(Mono.error(invalid("The refresh token is not valid")));
    }

    public Mono<Long> revokeFamily(UUID familyId, String reason) {
        return db.sql("UPDATE refresh_token SET revoked_at = now(), revoke_reason = :reason WHERE family_id = :family AND revoked_at IS NULL")
                .bind("family", familyId).bind("reason", reason).fetch().rowsUpdated();
    }

    /** Logout: revokes the family of a token, used or not. @return whether the token was known */
    public Mono<Boolean> revokeFamilyOf(String token, UUID userId) {
        var spec = db.sql("""
                        UPDATE refresh_token SET revoked_at = now(), revoke_reason = 'logout'
                        WHERE family_id = (SELECT family_id FROM refresh_token WHERE token_hash = :hash)
                          AND revoked_at IS NULL""" + (userId == null ? "" : " AND user_id = :user"))
                .bind("hash", Secrets.digest(token));
        if (userId != null) spec = spec.bind("user", userId);
        return spec.fetch().rowsUpdated().map(n -> n > 0);
    }

    /** The account of a live (unused, unrevoked, unexpired) token. */
    public Mono<UUID> holderOf(String token) {
        return db.sql("SELECT user_id FROM refresh_token WHERE token_hash = :hash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()")
                .bind("hash", Secrets.digest(token)).map(row -> row.get("user_id", UUID.class)).one();
    }

    public Mono<Long> revokeAllOf(UUID userId, String reason) {
        return db.sql("UPDATE refresh_token SET revoked_at = now(), revoke_reason = :reason WHERE user_id = :user AND revoked_at IS NULL")
                .bind("user", userId).bind("reason", reason).fetch().rowsUpdated();
    }

    public Mono<Long> revokeInShop(UUID userId, UUID shopId, String reason) {
        return db.sql("""
                        UPDATE refresh_token SET revoked_at = now(), revoke_reason = :reason
                        WHERE user_id = :user AND shop_id = :shop AND revoked_at IS NULL""")
                .bind("user", userId).bind("shop", shopId).bind("reason", reason).fetch().rowsUpdated();
    }

    /** Every session of a shop, whoever's (the shop was deleted). */
    @Override
    public Mono<Long> revokeAllInShop(UUID shopId, String reason) {
        return db.sql("UPDATE refresh_token SET revoked_at = now(), revoke_reason = :reason WHERE shop_id = :shop AND revoked_at IS NULL")
                .bind("shop", shopId).bind("reason", reason).fetch().rowsUpdated();
    }

    public Mono<Long> revokeForDevice(UUID deviceId, String reason) {
        return db.sql("UPDATE refresh_token SET revoked_at = now(), revoke_reason = :reason WHERE device_id = :device AND revoked_at IS NULL")
                .bind("device", deviceId).bind("reason", reason).fetch().rowsUpdated();
    }

    static org.springframework.web.ErrorResponseException invalid(String detail) {
        return Problems.of(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Invalid refresh token", detail);
    }
}

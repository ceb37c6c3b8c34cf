package dev.kirana.auth.client;

import dev.kirana.auth.audit.AuditTrail;
import dev.kirana.auth.token.AccessTokens;
import dev.kirana.auth.token.Secrets;
import dev.kirana.web.problem.Problems;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Partner API clients of a shop and the OAuth2 client-credentials grant. */
@Service
public class ApiClientService {
    private final DatabaseClient db;
    private final Secrets secrets;
    private final AccessTokens tokens;
    private final AuditTrail audit;
    private final org.springframework.transaction.reactive.TransactionalOperator tx;

    public ApiClientService(DatabaseClient db, Secrets secrets, AccessTokens tokens, AuditTrail audit,
                            org.springframework.transaction.reactive.TransactionalOperator tx) {
        this.audit = audit;
        this.tx = tx;
        this.db = db;
        this.secrets = secrets;
        this.tokens = tokens;
    }

    /** Why a token request failed, in RFC 6749 terms. */
    public static final class GrantError extends RuntimeException {
        public final String error;
        public final boolean clientAuthFailed;

        GrantError(String error, String description, boolean clientAuthFailed) {
            super(description);
            this.error = error;
            this.clientAuthFailed = clientAuthFailed;
        }
    }

    public record IssuedToken(String accessToken, long expiresIn, String scope) {
    }

    public Mono<ApiClientApi.CreatedClient> create(UUID shopId, UUID createdBy, ApiClientApi.CreateClient r) {
        if (r.scopes().stream().anyMatch(java.util.Objects::isNull)) {
            throw Problems.invalid("scopes", "must not contain null");
        }
        List<String> scopes = List.copyOf(new LinkedHashSet<>(r.scopes()));
        List<String> unknown = scopes.stream().filter(s -> !Scopes.ALL.contains(s)).toList();
        if (!unknown.isEmpty()) {
            throw Problems.invalid("scopes", "unknown scope(s) " + unknown + "; known: " + Scopes.ALL);
        }
        String clientId = "cli_" + secrets.id(20);
        String secret = secrets.token();
        return tx.transactional(db.sql("""
                        INSERT INTO api_client (client_id, shop_id, name, secret_hash, scopes, created_by)
                        VALUES (:id, :shop, :name, :hash, :scopes, :by) RETURNING created_at""")
                .bind("id", clientId).bind("shop", shopId).bind("name", r.name().trim()).bind("hash", Secrets.digest(secret))
                .bind("scopes", String.join(" ", scopes)).bind("by", createdBy)
                .map(row -> row.get("created_at", OffsetDateTime.class).toInstant())
                .one()
                .flatMap(at -> audit.append(shopId, AuditTrail.Entry.of(createdBy, "api-client.created", "api-client", clientId)
                                .change(null, AuditTrail.json(java.util.Map.of("name", r.name().trim(), "scopes", scopes))))
                        .thenReturn(new ApiClientApi.CreatedClient(clientId, secret, r.name().trim(), scopes, shopId.toString(), at))));
    }

    public Flux<ApiClientApi.Client> list(UUID shopId) {
        return db.sql("SELECT client_id, name, scopes, created_at, last_used_at, revoked_at FROM api_client WHERE shop_id = :shop ORDER BY created_at, client_id")
                .bind("shop", shopId)
                .map(row -> new ApiClientApi.Client(row.get("client_id", String.class), row.get("name", String.class),
                        List.of(row.get("scopes", String.class).split(" ")),
                        instant(row.get("created_at", OffsetDateTime.class)), instant(row.get("last_used_at", OffsetDateTime.class)),
                        instant(row.get("revoked_at", OffsetDateTime.class))))
                .all();
    }

    public Mono<Void> revoke(UUID shopId, String clientId, UUID actor) {
        return tx.transactional(db.sql("UPDATE api_client SET revoked_at = coalesce(revoked_at, now()) WHERE client_id = :id AND shop_id = :shop")
                .bind("id", clientId).bind("shop", shopId).fetch().rowsUpdated()
                .flatMap(n -> n == 0 ? Mono.error(Problems.notFound("Client " + clientId + " not found"))
                        : audit.append(shopId, AuditTrail.Entry.of(actor, "api-client.revoked", "api-client", clientId))));
    }

    /** The client-credentials grant: a token for the client's shop with the requested (or all its) scopes. */
    public Mono<IssuedToken> clientCredentials(String clientId, String clientSecret, String requestedScope) {
        // a deleted shop's clients get no token until the shop is restored
        return db.sql("""
                        SELECT c.shop_id, c.secret_hash, c.scopes FROM api_client c JOIN shop s ON s.id = c.shop_id
                        WHERE c.client_id = :id AND c.revoked_at IS NULL AND s.status = :active""")
                .bind("id", clientId).bind("active", dev.kirana.auth.shop.ShopStatus.ACTIVE.name())
                .map(row -> new Object[]{row.get("shop_id", UUID.class), row.get("secret_hash", String.class), row.get("scopes", String.class)})
                .one()
                .filter(c -> Secrets.sameDigest(clientSecret, (String) c[1]))
                .switchIfEmpty(Mono.error(new GrantError("invalid_client", "Unknown client, wrong secret or revoked client", true)))
                .flatMap(c -> {
                    Set<String> granted = new LinkedHashSet<>(Arrays.asList(((String) c[2]).split(" ")));
                    Set<String> scope = granted;
                    if (requestedScope != null && !requestedScope.isBlank()) {
                        scope = new LinkedHashSet<>(Arrays.asList(requestedScope.trim().split("\\s+")));
                        if (!granted.containsAll(scope)) {
                            return Mono.error(new GrantError("invalid_scope", "The client may only ask for " + String.join(" ", granted), false));
                        }
                    }
                    String scopes = String.join(" ", scope);
                    return db.sql("UPDATE api_client SET last_used_at = now() WHERE client_id = :id").bind("id", clientId).then()
                            .then(tokens.mint(AccessTokens.Grant.client(clientId, c[0].toString(), scopes)))
                            .map(t -> new IssuedToken(t.token(), t.ttl().toSeconds(), scopes));
                });
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}

package dev.kirana.web.idempotency;

import dev.kirana.web.problem.Problems;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for POSTs with money or stock effects. The key row is inserted first, in
 * the same transaction as the action's effects and the stored response: a retry with the same key
 * and body replays the first response (a concurrent one waits on the key's row lock); the same key
 * with a different body is a 422; a failed action leaves no key, so it can be retried.
 */
public class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    /** The status {@link #once} records: done, with no HTTP answer of its own. */
    private static final int DONE = 200;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final JsonMapper json;

    public IdempotencyKeys(DatabaseClient db, TransactionalOperator tx, JsonMapper json) {
        this.db = db;
        this.tx = tx;
        this.json = json;
    }

    /**
     * Runs {@code action} once per (shop, key).
     *
     * @param operation names the endpoint, so a key reused on another endpoint counts as a different request
     * @param request   the parsed request body (its JSON is fingerprinted)
     */
    public <T> Mono<ResponseEntity<T>> execute(String shopId, String key, String operation, Object request,
                                               Class<T> bodyType, Supplier<Mono<ResponseEntity<T>>> action) {
        return claim(shopId, key, operation, request,
                () -> action.get().flatMap(response -> remember(shopId, key, response.getStatusCode().value(),
                        response.getHeaders().getLocation(), response.getBody()).thenReturn(response)),
                stored -> {
                    ResponseEntity.BodyBuilder builder = ResponseEntity.status(HttpStatus.valueOf(stored.status()))
                            .header(REPLAYED, "true");
                    if (stored.location() != null) {
                        builder.location(URI.create(stored.location()));
                    }
                    return Mono.just(builder.body(read(stored, bodyType)));
                });
    }

    /** What {@link #once} gives: the action's value, or the first run's value when {@code replayed}. */
    public record Outcome<T>(T value, boolean replayed) {
    }

    /**
     * Runs {@code action} once per (shop, key), for an application service that owns its unit of work: the key row,
     * the action's effects and its stored value commit in one transaction, which the action joins. The same rules as
     * {@link #execute} (a retry gets the first value back, a different request with the key is a 422, one still
     * running a 409, a failed action leaves no key); the caller maps the outcome to its answer.
     */
    public <T> Mono<Outcome<T>> once(String shopId, String key, String operation, Object request, Class<T> valueType,
                                     Supplier<Mono<T>> action) {
        return claim(shopId, key, operation, request,
                () -> action.get().flatMap(value -> remember(shopId, key, DONE, null, value).thenReturn(new Outcome<>(value, false))),
                stored -> Mono.just(new Outcome<>(read(stored, valueType), true)));
    }

    /** Claims the key in a transaction and runs {@code first}, or hands the stored run of the same request to {@code replay}. */
    private <R> Mono<R> claim(String shopId, String key, String operation, Object request, Supplier<Mono<R>> first,
                              Function<Stored, Mono<R>> replay) {
        if (key == null || key.isBlank()) {
            return Mono.error(Problems.invalid(HEADER, "the " + HEADER + " header is required for this request"));
        }
        if (!KEY.matcher(key).matches()) {
            return Mono.error(Problems.invalid(HEADER, "must be 1 to 255 visible ASCII characters"));
        }
        String hash = fingerprint(operation, request);
        Mono<R> work = db.sql("""
                        INSERT INTO kirana_idempotency (shop_id, idem_key, request_hash) VALUES (:shop, :key, :hash)
                        ON CONFLICT DO NOTHING""")
                .bind("shop", shopId).bind("key", key).bind("hash", hash)
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 1 ? first.get() : stored(shopId, key, hash).flatMap(replay));
        return tx.transactional(work);
    }

    private Mono<Void> remember(String shopId, String key, int status, URI location, Object value) {
        byte[] body = value == null ? null : json.writeValueAsBytes(value);
        var spec = db.sql("UPDATE kirana_idempotency SET status = :status, location = :location, body = :body WHERE shop_id = :shop AND idem_key = :key")
                .bind("status", status)
                .bind("shop", shopId).bind("key", key);
        spec = location == null ? spec.bindNull("location", String.class) : spec.bind("location", location.toString());
        spec = body == null ? spec.bindNull("body", byte[].class) : spec.bind("body", body);
        return spec.then();
    }

    /** The first run of this request with the key; a different request with it is a 422, one still running a 409. */
    private Mono<Stored> stored(String shopId, String key, String hash) {
        return db.sql("SELECT request_hash, status, location, body FROM kirana_idempotency WHERE shop_id = :shop AND idem_key = :key")
                .bind("shop", shopId).bind("key", key)
                .map((row, meta) -> new Stored(row.get("request_hash", String.class), row.get("status", Integer.class),
                        row.get("location", String.class), row.get("body", byte[].class)))
                .one()
                .flatMap(stored -> {
                    if (!stored.hash().equals(hash)) {
                        return Mono.error(Problems.unprocessable("idempotency-key-reused",
                                "This " + HEADER + " was already used with a different request"));
                    }
                    if (stored.status() == null) {
                        return Mono.error(Problems.conflict("A request with this " + HEADER + " is still in progress"));
                    }
                    return Mono.just(stored);
                });
    }

    private <T> T read(Stored stored, Class<T> type) {
        return stored.body() == null ? null : json.readValue(stored.body(), type);
    }

    private String fingerprint(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Stored(String hash, Integer status, String location, byte[] body) {
    }
}

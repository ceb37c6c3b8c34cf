package dev.kirana.auth.keys;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.kirana.auth.config.AuthProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The RS256 key ring, persisted in the service's database so that every replica signs with the same
 * key and publishes the same JWKS. The newest unretired key signs. When it is older than the rotation
 * period a new key replaces it; the retired one stays published for {@code retention} so that tokens
 * it signed keep validating until they expire. Replicas pick up a rotation within {@code checkInterval}.
 */
@Component
public class SigningKeys {
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final String ENCRYPTED = "jwe:";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final AuthProperties.Keys props;
    private final byte[] encryptionKey;
    private final Clock clock;
    private volatile Ring ring;
    private Mono<Ring> loading;

    /** The signing key and everything published, as read at {@code loadedAt}. */
    public record Ring(RSAKey active, JWKSet published, Instant loadedAt) {
    }

    public SigningKeys(DatabaseClient db, TransactionalOperator tx, AuthProperties props, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.props = props.keys();
        this.clock = clock;
        String secret = this.props.encryptionSecret();
        this.encryptionKey = secret == null || secret.isBlank() ? null : sha256(secret);
        if (encryptionKey == null) {
            log.warn("kirana.auth.keys.encryption-secret (KIRANA_AUTH_KEY_SECRET) is not set: private signing keys are stored unencrypted");
        }
    }

    /** The key that signs new tokens. */
    public Mono<RSAKey> signingKey() {
        return current().map(Ring::active);
    }

    /** Public keys to publish as the JWKS: the signing key and recently retired ones. */
    public Mono<JWKSet> jwks() {
        return current().map(Ring::published);
    }

    private Mono<Ring> current() {
        Ring r = ring;
        if (r != null && r.loadedAt().plus(props.checkInterval()).isAfter(clock.instant())) {
            return Mono.just(r);
        }
        synchronized (this) {
            if (loading == null) {
                loading = load(false)
                        .doOnNext(loaded -> ring = loaded)
                        .doFinally(s -> {
                            synchronized (this) {
                                loading = null;
                            }
                        })
                        .cache();
            }
            Mono<Ring> l = loading;
            // a stale ring still signs while a reload is running
            return r == null ? l : l.onErrorResume(e -> Mono.just(r));
        }
    }

    /** Replaces the signing key now (e.g. after a suspected leak); the old one stays published for the retention period. */
    public Mono<Ring> rotate() {
        return load(true).doOnNext(loaded -> ring = loaded);
    }

    private Mono<Ring> load(boolean forceRotation) {
        Mono<Ring> work = db.sql("SELECT pg_advisory_xact_lock(hashtext('kirana.signing_key'))").then()
                .then(stored())
                .flatMap(keys -> {
                    Instant now = clock.instant();
                    StoredKey newest = keys.stream().filter(k -> k.retiredAt() == null).findFirst().orElse(null);
                    boolean expired = newest != null && newest.createdAt().plus(props.rotationPeriod()).isBefore(now);
                    if (newest == null || expired || forceRotation) {
                        return generate().flatMap(this::insertAndRetireOthers).then(stored());
                    }
                    return Mono.just(keys);
                })
                .map(this::toRing);
        return tx.transactional(work);
    }

    private Mono<List<StoredKey>> stored() {
        return db.sql("""
                        SELECT kid, private_jwk, created_at, retired_at FROM signing_key
                        WHERE retired_at IS NULL OR retired_at > :since
                        ORDER BY created_at DESC""")
                .bind("since", OffsetDateTime.ofInstant(clock.instant().minus(props.retention()), ZoneOffset.UTC))
                .map((row, meta) -> new StoredKey(row.get("kid", String.class), row.get("private_jwk", String.class),
                        row.get("created_at", OffsetDateTime.class).toInstant(),
                        row.get("retired_at", OffsetDateTime.class) == null ? null : row.get("retired_at", OffsetDateTime.class).toInstant()))
                .all().collectList();
    }

    private Ring toRing(List<StoredKey> keys) {
        StoredKey newest = keys.stream().filter(k -> k.retiredAt() == null).findFirst()
                .orElseThrow(() -> new IllegalStateException("no active signing key"));
        List<RSAKey> all = keys.stream().map(k -> decode(k.privateJwk())).toList();
        RSAKey active = all.stream().filter(k -> k.getKeyID().equals(newest.kid())).findFirst().orElseThrow();
        JWKSet published = new JWKSet(all.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList());
        return new Ring(active, published, clock.instant());
    }

    private Mono<RSAKey> generate() {
        return Mono.fromCallable(() -> new RSAKeyGenerator(2048)
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.RS256)
                        .keyIDFromThumbprint(true)
                        .generate())
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Void> insertAndRetireOthers(RSAKey key) {
        log.info("new token signing key {}", key.getKeyID());
        return db.sql("INSERT INTO signing_key (kid, algorithm, public_jwk, private_jwk) VALUES (:kid, 'RS256', :pub, :priv)")
                .bind("kid", key.getKeyID())
                .bind("pub", key.toPublicJWK().toJSONString())
                .bind("priv", encode(key))
                .then()
                .then(db.sql("UPDATE signing_key SET retired_at = clock_timestamp() WHERE retired_at IS NULL AND kid <> :kid")
                        .bind("kid", key.getKeyID()).then());
    }

    private String encode(RSAKey key) {
        String json = key.toJSONString();
        if (encryptionKey == null) {
            return json;
        }
        try {
            JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), new Payload(json));
            jwe.encrypt(new DirectEncrypter(encryptionKey));
            return ENCRYPTED + jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot encrypt a signing key", e);
        }
    }

    private RSAKey decode(String stored) {
        try {
            if (stored.startsWith(ENCRYPTED)) {
                if (encryptionKey == null) {
                    throw new IllegalStateException("signing keys are encrypted but KIRANA_AUTH_KEY_SECRET is not set");
                }
                JWEObject jwe = JWEObject.parse(stored.substring(ENCRYPTED.length()));
                jwe.decrypt(new DirectDecrypter(encryptionKey));
                return RSAKey.parse(jwe.getPayload().toString());
            }
            return RSAKey.parse(stored);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("cannot read a stored signing key (wrong KIRANA_AUTH_KEY_SECRET?)", e);
        }
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record StoredKey(String kid, String privateJwk, Instant createdAt, Instant retiredAt) {
    }
}

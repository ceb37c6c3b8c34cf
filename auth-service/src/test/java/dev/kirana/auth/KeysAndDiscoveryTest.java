package dev.kirana.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.kirana.auth.config.AuthProperties;
import dev.kirana.auth.keys.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

class KeysAndDiscoveryTest extends AuthServiceTest {
    @Autowired
    SigningKeys keys;

    @Test
    void discoveryNamesTheIssuerAndItsKeys() {
        http.get().uri("/.well-known/openid-configuration").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.issuer").isEqualTo(SELF)
                .jsonPath("$.jwks_uri").isEqualTo(SELF + "/oauth2/jwks")
                .jsonPath("$.token_endpoint").isEqualTo(SELF + "/oauth2/token")
                .jsonPath("$.id_token_signing_alg_values_supported[0]").isEqualTo("RS256");
    }

    @Test
    @SuppressWarnings("unchecked")
    void rotationPublishesTheNewKeyAndKeepsTheOldOneSoIssuedTokensStayValid() {
        Map<String, Object> before = login("owner@demo.kirana", "kirana-demo");
        String oldToken = (String) before.get("accessToken");
        String oldKid = kid(oldToken);

        Map<String, Object> jwks = json(http.get().uri("/oauth2/jwks").exchange().expectStatus().isOk());
        List<Map<String, Object>> published = (List<Map<String, Object>>) jwks.get("keys");
        assertThat(published).anySatisfy(k -> assertThat(k).containsEntry("kid", oldKid).containsEntry("kty", "RSA")
                .containsEntry("alg", "RS256").containsEntry("use", "sig"));
        assertThat(published).allSatisfy(k -> assertThat(k).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi"));

        keys.rotate().block();

        String newToken = (String) login("owner@demo.kirana", "kirana-demo").get("accessToken");
        assertThat(kid(newToken)).isNotEqualTo(oldKid);
        List<Map<String, Object>> after = (List<Map<String, Object>>) json(http.get().uri("/oauth2/jwks").exchange().expectStatus().isOk()).get("keys");
        assertThat(after).extracting(k -> k.get("kid")).contains(oldKid, kid(newToken));

        for (String token : List.of(oldToken, newToken)) {
            http.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        }
    }

    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator tx;

    /**
     * The migration: a key stored by the first version (a JWE under SHA-256 of the secret) is still read, and a
     * replica with the secret rewrites it — and every other stored key — in the PBKDF2 form. Runs in a transaction
     * that is rolled back, so the shared context's own (unencrypted) keys are left as they were.
     */
    @Test
    void aKeyStoredInTheFirstSha256FormIsReadAndReEncryptedWithPbkdf2() throws Exception {
        String secret = "an operator's key secret, long enough";
        RSAKey legacy = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                .keyIDFromThumbprint(true).generate();
        JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), new Payload(legacy.toJSONString()));
        jwe.encrypt(new DirectEncrypter(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8))));
        var props = new AuthProperties(SELF, null, null, null,
                new AuthProperties.Keys(Duration.ofDays(30), Duration.ofDays(1), Duration.ofMinutes(1), secret, 100_000),
                null, null, null, null, null);
        SigningKeys withSecret = new SigningKeys(db, tx, props, Clock.systemUTC());

        Mono<List<String>> work = db.sql("SELECT pg_advisory_xact_lock(hashtext('kirana.signing_key'))").then()
                .then(db.sql("UPDATE signing_key SET retired_at = clock_timestamp() WHERE retired_at IS NULL").then())
                .then(db.sql("INSERT INTO signing_key (kid, algorithm, public_jwk, private_jwk) VALUES (:kid, 'RS256', :pub, :priv)")
                        .bind("kid", legacy.getKeyID()).bind("pub", legacy.toPublicJWK().toJSONString())
                        .bind("priv", "jwe:" + jwe.serialize()).then())
                .then(withSecret.signingKey())
                .doOnNext(active -> {
                    assertThat(active.getKeyID()).isEqualTo(legacy.getKeyID());
                    assertThat(active.toJSONObject()).isEqualTo(legacy.toJSONObject());
                })
                .then(db.sql("SELECT private_jwk FROM signing_key").map(row -> row.get("private_jwk", String.class)).all().collectList());
        List<String> stored = tx.execute(status -> {
            status.setRollbackOnly();
            return work;
        }).blockLast(Duration.ofSeconds(60));

        assertThat(stored).isNotEmpty().allSatisfy(v -> assertThat(v).startsWith("jwe2:"));
        assertThat(String.join(" ", stored)).doesNotContain(legacy.getPrivateExponent().toString());
        // rolled back: the legacy key is not left behind for the rest of the suite
        assertThat(db.sql("SELECT count(*) AS n FROM signing_key WHERE kid = :kid").bind("kid", legacy.getKeyID())
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
    }
}

package dev.kirana.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real JWT issuer for tests: an RSA key, a JWKS endpoint on loopback, and RS256 tokens shaped
 * like auth-service's ({@code shop_id}, {@code roles}, audience {@code kirana}).
 */
public final class TestJwtIssuer {
    public static final String AUDIENCE = "kirana";
    private final RSAKey key;
    private final String issuer;

    private TestJwtIssuer(RSAKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    static TestJwtIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            return new TestJwtIssuer(key, "http://127.0.0.1:" + server.getAddress().getPort());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** A token for a user acting in one shop with the given roles (OWNER, MANAGER, CASHIER, AUDITOR). */
    public String token(String userId, String shopId, String... roles) {
        return sign(claims(userId, shopId, Duration.ofMinutes(15), roles).build());
    }

    /** A token for a partner's API client in one shop: no roles, only the given scopes (e.g. orders:read). */
    public String clientToken(String clientId, String shopId, String... scopes) {
        return sign(claims(clientId, shopId, Duration.ofMinutes(15)).claim("client_id", clientId)
                .claim("scope", String.join(" ", scopes)).build());
    }

    public JWTClaimsSet.Builder claims(String userId, String shopId, Duration ttl, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(userId)
                .audience(AUDIENCE)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("shop_id", shopId)
                .claim("roles", List.of(roles));
    }

    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Properties that point a service's resource server at this issuer. */
    public Map<String, Object> properties() {
        return Map.of("kirana.security.jwt.issuer", issuer, "kirana.security.jwt.jwk-set-uri", jwkSetUri());
    }

    @Override
    public String toString() {
        return "TestJwtIssuer" + Arrays.asList(issuer);
    }
}

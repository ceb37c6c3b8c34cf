package dev.kirana.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two real token issuers on loopback with their JWKS: "native" (shaped like auth-service) and "realm"
 * (shaped like a Keycloak realm: roles under realm_access.roles, the shop in a "shop" claim), plus a key
 * that no issuer publishes, to forge signatures with.
 */
final class TestIssuers {
    static final TestIssuers INSTANCE = start();

    final String nativeIssuer;
    final String realmIssuer;
    private final RSAKey nativeKey;
    private final RSAKey realmKey;
    private final RSAKey forgerKey;

    private TestIssuers(String base, RSAKey nativeKey, RSAKey realmKey, RSAKey forgerKey) {
        this.nativeIssuer = base + "/native";
        this.realmIssuer = base + "/realms/kirana";
        this.nativeKey = nativeKey;
        this.realmKey = realmKey;
        this.forgerKey = forgerKey;
    }

    private static TestIssuers start() {
        try {
            RSAKey nativeKey = new RSAKeyGenerator(2048).keyID("native-1").generate();
            RSAKey realmKey = new RSAKeyGenerator(2048).keyID("realm-1").generate();
            RSAKey forger = new RSAKeyGenerator(2048).keyID("native-1").generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            serve(server, "/native/oauth2/jwks", new JWKSet(nativeKey.toPublicJWK()).toString());
            serve(server, "/realms/kirana/protocol/openid-connect/certs", new JWKSet(realmKey.toPublicJWK()).toString());
            server.start();
            return new TestIssuers("http://127.0.0.1:" + server.getAddress().getPort(), nativeKey, realmKey, forger);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void serve(HttpServer server, String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    /** Properties that make the gateway trust both issuers. */
    Map<String, Object> properties() {
        return Map.of(
                "kirana.security.jwt.issuer", nativeIssuer,
                "kirana.security.jwt.jwk-set-uri", nativeIssuer + "/oauth2/jwks",
                "kirana.security.trusted-issuers[0].issuer", realmIssuer,
                "kirana.security.trusted-issuers[0].jwk-set-uri", realmIssuer + "/protocol/openid-connect/certs",
                "kirana.security.trusted-issuers[0].shop-claim", "shop",
                "kirana.security.trusted-issuers[0].roles-claim", "realm_access.roles");
    }

    JWTClaimsSet.Builder claims(String user, String shop, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(nativeIssuer).subject(user).audience("kirana")
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("shop_id", shop).claim("roles", List.of(roles));
    }

    String token(String user, String shop, String... roles) {
        return sign(claims(user, shop, roles).build());
    }

    String sign(JWTClaimsSet claims) {
        return sign(nativeKey, claims);
    }

    String forge(JWTClaimsSet claims) {
        return sign(forgerKey, claims);
    }

    String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    String realmToken(String user, String shop, String... roles) {
        Instant now = Instant.now();
        return sign(realmKey, new JWTClaimsSet.Builder().issuer(realmIssuer).subject(user).audience(List.of("kirana", "account"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("shop", shop).claim("realm_access", Map.of("roles", List.of(roles)))
                .claim("azp", "kirana-pos").build());
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

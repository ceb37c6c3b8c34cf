package dev.kirana.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.kirana.auth.config.AuthProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import dev.kirana.auth.keys.SigningKeys;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Mints RS256 access tokens with the claims every Kirana service reads: {@code sub}, {@code shop_id},
 * {@code roles} (users) or {@code client_id} + {@code scope} (partner clients), audience {@code kirana}.
 */
@Component
public class AccessTokens {
    public static final String AUDIENCE = "kirana";

    private final SigningKeys keys;
    private final AuthProperties props;
    private final Clock clock;

    public AccessTokens(SigningKeys keys, AuthProperties props, Clock clock) {
        this.keys = keys;
        this.props = props;
        this.clock = clock;
    }

    /** What a token says about its bearer. */
    public record Grant(String subject, String shopId, List<String> roles, String clientId, String scope,
                        String authMethod, String sessionId, String deviceId) {
        public static Grant user(String userId, String shopId, List<String> roles, String authMethod, String sessionId, String deviceId) {
            return new Grant(userId, shopId, roles, null, null, authMethod, sessionId, deviceId);
        }

        public static Grant client(String clientId, String shopId, String scope) {
            return new Grant(clientId, shopId, List.of(), clientId, scope, null, null, null);
        }
    }

    public record Minted(String token, Duration ttl) {
    }

    public Mono<Minted> mint(Grant grant) {
        return keys.signingKey().map(key -> new Minted(sign(key, grant), props.accessTokenTtl()));
    }

    private String sign(RSAKey key, Grant grant) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(props.issuer())
                .subject(grant.subject())
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(props.accessTokenTtl())))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", grant.roles());
        if (grant.shopId() != null) claims.claim("shop_id", grant.shopId());
        if (grant.clientId() != null) claims.claim("client_id", grant.clientId());
        if (grant.scope() != null) claims.claim("scope", grant.scope());
        if (grant.authMethod() != null) claims.claim("amr", List.of(grant.authMethod()));
        if (grant.sessionId() != null) claims.claim("sid", grant.sessionId());
        if (grant.deviceId() != null) claims.claim("device_id", grant.deviceId());
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}

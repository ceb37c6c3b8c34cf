package dev.kirana.web.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token validation ({@code kirana.security.*}): the native issuer (auth-service) and, optionally,
 * more trusted issuers such as a Keycloak realm, each with its JWKS and claim mapping. Tokens once verified are
 * remembered ({@link VerifiedTokens}): at most {@code tokenCacheSize} of them, each until its expiry or for
 * {@code tokenCacheMaxAge}, whichever is sooner (zero: verify every request).
 */
@ConfigurationProperties("kirana.security")
public record SecurityProperties(
        Issuer jwt,
        @DefaultValue List<Issuer> trustedIssuers,
        @DefaultValue("kirana") String audience,
        @DefaultValue List<String> publicPaths,
        @DefaultValue("10000") int tokenCacheSize,
        @DefaultValue("5m") Duration tokenCacheMaxAge) {

    /**
     * @param issuer     the exact {@code iss} value
     * @param jwkSetUri  where its signing keys are published
     * @param audience   required {@code aud}; falls back to the global audience
     * @param shopClaim  claim naming the active shop
     * @param rolesClaim claim (dotted path) listing roles
     */
    public record Issuer(String issuer, String jwkSetUri, String audience,
                         @DefaultValue("shop_id") String shopClaim, @DefaultValue("roles") String rolesClaim) {
        public ClaimMapping mapping() {
            return new ClaimMapping(shopClaim, rolesClaim);
        }
    }
}

package dev.kirana.auth.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * auth-service settings ({@code kirana.auth.*}); every one has a safe local default.
 *
 * @param issuer          the {@code iss} of every token, also the base of the JWKS and discovery URLs
 * @param accessTokenTtl  lifetime of access tokens (short: they cannot be revoked)
 * @param refreshTokenTtl lifetime of a refresh token family member
 */
@ConfigurationProperties("kirana.auth")
public record AuthProperties(
        String issuer,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue Password password,
        @DefaultValue Keys keys,
        @DefaultValue Otp otp,
        @DefaultValue Lockout login,
        @DefaultValue Lockout pin,
        @DefaultValue Devices devices,
        @DefaultValue Email email) {

    /**
     * Where emails (address verification and password-reset codes) go.
     *
     * @param provider {@code log} (written to the log; local default), {@code http} (a mail gateway) or
     *                 {@code off} (no email is sent; codes go by SMS only and an email code is refused)
     * @param http     the mail gateway: POST JSON {@code {"to","from","subject","text"}} to {@code url}
     */
    public record Email(@DefaultValue("log") String provider, @DefaultValue EmailHttp http) {
    }

    /** @param authorization value of the Authorization header, e.g. {@code Bearer xyz} */
    public record EmailHttp(String url, String authorization, @DefaultValue("no-reply@kirana.local") String from,
                            @DefaultValue("5s") Duration timeout) {
    }

    /** @param bcryptStrength log2 rounds of bcrypt (10 in production; tests may lower it) */
    public record Password(@DefaultValue("10") int bcryptStrength, @DefaultValue("8") int minLength) {
    }

    /**
     * @param rotationPeriod   a signing key older than this is replaced by a new one
     * @param retention        a retired key stays in the JWKS this long (must exceed the access-token TTL)
     * @param checkInterval    how often replicas look for a newer key or the need to rotate
     * @param encryptionSecret encrypts private keys at rest when set (required under the prod profile)
     * @param kdfIterations    PBKDF2-HMAC-SHA256 iterations that turn the secret into the key-encryption key
     */
    public record Keys(@DefaultValue("30d") Duration rotationPeriod, @DefaultValue("1d") Duration retention,
                       @DefaultValue("1m") Duration checkInterval, String encryptionSecret,
                       @DefaultValue("600000") int kdfIterations) {
    }

    /**
     * @param ttl             a code expires this long after it was sent
     * @param maxAttempts     wrong guesses allowed per code; then the code is dead
     * @param resendInterval  minimum time between two codes to one destination
     * @param maxSendsPerHour codes per destination and purpose per hour
     * @param secret          HMAC key of stored codes; generated once and kept in the database when unset
     */
    public record Otp(@DefaultValue("5m") Duration ttl, @DefaultValue("5") int maxAttempts,
                      @DefaultValue("60s") Duration resendInterval, @DefaultValue("5") int maxSendsPerHour,
                      @DefaultValue("6") int length, String secret) {
    }

    /** Consecutive failures before a lock, and how long the lock lasts. */
    public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockDuration) {
    }

    /** @param pairingTtl how long a device pairing token (QR code) stays usable */
    public record Devices(@DefaultValue("10m") Duration pairingTtl) {
    }
}

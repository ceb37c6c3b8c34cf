package dev.kirana.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import dev.kirana.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    /** The clock the tokens' exp is read against, and the cache's ticker reading the same time. */
    private final TestClock clock = TestClock.at(T0, ZoneOffset.UTC);
    private final AtomicInteger verifications = new AtomicInteger();

    private void advance(Duration d) {
        clock.advance(d);
    }

    /** Accepts tokens named "good-…" that expire {@code validFor} after T0, refuses every other token. */
    private VerifiedTokens cache(Duration validFor, Duration maxAge) {
        ReactiveAuthenticationManager verifier = auth -> {
            verifications.incrementAndGet();
            String token = ((BearerTokenAuthenticationToken) auth).getToken();
            if (!token.startsWith("good-")) {
                return Mono.error(new BadCredentialsException("bad signature"));
            }
            Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("cashier-1")
                    .issuedAt(T0).expiresAt(T0.plus(validFor)).build();
            return Mono.just(new JwtAuthenticationToken(jwt, List.of()));
        };
        return new VerifiedTokens(exchange -> Mono.just(verifier), 100, maxAge, clock,
                () -> Duration.between(T0, clock.instant()).toNanos());
    }

    private static Authentication authenticate(VerifiedTokens tokens, String token) {
        return tokens.resolve(null).flatMap(m -> m.authenticate(new BearerTokenAuthenticationToken(token))).block();
    }

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(15), Duration.ofMinutes(5));

        Authentication first = authenticate(tokens, "good-a");
        advance(Duration.ofMinutes(4));
        Authentication again = authenticate(tokens, "good-a");

        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void afterTheMaximumAgeTheTokenIsVerifiedAgain() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(15), Duration.ofMinutes(5));

        authenticate(tokens, "good-a");
        advance(Duration.ofMinutes(5).plusSeconds(1));
        authenticate(tokens, "good-a");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void noEntryOutlivesItsToken() {
        // the token expires 30 s after T0, long before the 5 min the cache would otherwise keep it
        VerifiedTokens tokens = cache(Duration.ofSeconds(30), Duration.ofMinutes(5));

        authenticate(tokens, "good-short");
        advance(Duration.ofSeconds(29));
        authenticate(tokens, "good-short");
        assertThat(verifications).hasValue(1);

        advance(Duration.ofSeconds(2));
        authenticate(tokens, "good-short");
        assertThat(verifications).as("verified afresh once expired (the verifier then decides)").hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(15), Duration.ofMinutes(5));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> authenticate(tokens, "forged")).isInstanceOf(BadCredentialsException.class);
        }

        assertThat(verifications).hasValue(3);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void eachTokenIsItsOwnEntry() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(15), Duration.ofMinutes(5));

        Authentication a = authenticate(tokens, "good-a");
        Authentication b = authenticate(tokens, "good-b");

        assertThat(a.getCredentials()).isNotEqualTo(b.getCredentials());
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aZeroMaximumAgeVerifiesEveryRequest() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(15), Duration.ZERO);

        authenticate(tokens, "good-a");
        authenticate(tokens, "good-a");

        assertThat(verifications).hasValue(2);
        assertThat(tokens.size()).isZero();
    }
}

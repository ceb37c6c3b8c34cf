package dev.kirana.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Remembers the bearer tokens it has verified, so that a client sending the same token on every request (a till, a
 * partner's integration) pays for the RS256 signature check, the JSON parse and the claim mapping once per token
 * rather than once per request — at the gateway and again at the service behind it.
 *
 * <p>Only tokens that passed every check of the delegate are remembered (an invalid token is verified, and refused,
 * each time), keyed by the whole compact token, so a remembered entry answers for exactly the bytes that were
 * verified. An entry lives until the token's own {@code exp} or for {@code maxAge}, whichever is sooner; after that
 * the token is verified afresh (signature, issuer, audience and times). Nothing here extends what a token allows:
 * the services never revoked a token before its expiry, and they still do not.
 */
public final class VerifiedTokens implements ReactiveAuthenticationManagerResolver<ServerWebExchange> {
    private final ReactiveAuthenticationManagerResolver<ServerWebExchange> delegate;
    private final Cache<String, Authentication> verified;
    private final Clock clock;
    private final Duration maxAge;

    /**
     * @param delegate resolves what verifies a token the cache does not know
     * @param size     most tokens remembered (least recently used go first)
     * @param maxAge   longest time a verified token is remembered; zero turns the cache off
     * @param clock    the clock the tokens' {@code exp} is compared with
     * @param ticker   the cache's time source (the system's, or a test's)
     */
    public VerifiedTokens(ReactiveAuthenticationManagerResolver<ServerWebExchange> delegate, int size, Duration maxAge,
                          Clock clock, Ticker ticker) {
        this.delegate = delegate;
        this.clock = clock;
        this.maxAge = maxAge;
        this.verified = Caffeine.newBuilder()
                .maximumSize(size)
                .ticker(ticker)
                .expireAfter(Expiry.<String, Authentication>creating((token, auth) -> lifetime(auth)))
                .build();
    }

    public VerifiedTokens(ReactiveAuthenticationManagerResolver<ServerWebExchange> delegate, int size, Duration maxAge) {
        this(delegate, size, maxAge, Clock.systemUTC(), Ticker.systemTicker());
    }

    @Override
    public Mono<ReactiveAuthenticationManager> resolve(ServerWebExchange exchange) {
        return Mono.just(authentication -> authenticate(exchange, authentication));
    }

    private Mono<Authentication> authenticate(ServerWebExchange exchange, Authentication authentication) {
        if (maxAge.isZero() || !(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            return verify(exchange, authentication);
        }
        String token = bearer.getToken();
        Authentication known = verified.getIfPresent(token);
        if (known != null) {
            return Mono.just(known);
        }
        return verify(exchange, authentication).doOnNext(auth -> {
            if (lifetime(auth).compareTo(Duration.ZERO) > 0) {
                verified.put(token, auth);
            }
        });
    }

    private Mono<Authentication> verify(ServerWebExchange exchange, Authentication authentication) {
        return delegate.resolve(exchange).flatMap(manager -> manager.authenticate(authentication));
    }

    /** How long {@code auth} may be remembered from now: up to the token's expiry, at most {@code maxAge}. */
    private Duration lifetime(Authentication auth) {
        Instant expires = auth instanceof KiranaAuthentication k ? k.getToken().getExpiresAt()
                : auth instanceof AbstractOAuth2TokenAuthenticationToken<?> t ? t.getToken().getExpiresAt() : null;
        if (expires == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), expires);
        return left.compareTo(maxAge) < 0 ? left : maxAge;
    }

    /** Tokens remembered now (for tests and metrics). */
    public long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}

package dev.kirana.accounting.tally;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * {@link TallyBalances} with the cache in front: a cached balance younger than the time to live is served as it is
 * (Tally is not asked); an older one, or none, sends Tally the request; when that fails the cached value is served
 * stale with its age, and with nothing cached the caller gets {@link TallyUnavailableException}.
 */
@Service
public class TallyBalanceService implements TallyBalances {
    private static final Logger log = LoggerFactory.getLogger(TallyBalanceService.class);
    private static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Kolkata");
    private final TallySettingsStore settings;
    private final TallyBalanceCache cache;
    private final TallyClient client;
    private final TallyProperties props;
    private final Clock clock;

    public TallyBalanceService(TallySettingsStore settings, TallyBalanceCache cache, TallyClient client, TallyProperties props, Clock clock) {
        this.settings = settings;
        this.cache = cache;
        this.client = client;
        this.props = props;
        this.clock = clock;
    }

    /** A cached balance is fresh while younger than the time to live. */
    static boolean fresh(Instant fetchedAt, Instant now, Duration ttl) {
        return Duration.between(fetchedAt, now).compareTo(ttl) < 0;
    }

    static long age(Instant fetchedAt, Instant now) {
        return Math.max(0, Duration.between(fetchedAt, now).toSeconds());
    }

    @Override
    public Mono<Optional<TallyBalance>> closingBalance(String shopId, String ledgerName) {
        return settings.find(shopId)
                .flatMap(s -> cache.find(shopId, ledgerName).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(cached -> lookUp(shopId, s, ledgerName, cached)))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    private Mono<TallyBalance> lookUp(String shopId, TallySettings s, String ledger, Optional<TallyBalanceCache.Cached> cached) {
        Instant now = clock.instant();
        if (cached.isPresent() && fresh(cached.get().fetchedAt(), now, props.cacheTtl())) {
            TallyBalanceCache.Cached c = cached.get();
            return Mono.just(new TallyBalance(ledger, c.closingBalance(), c.asOf(), c.fetchedAt(), false, age(c.fetchedAt(), now),
                    TallyBalance.Source.CACHE));
        }
        LocalDate asOf = LocalDate.ofInstant(now, SHOP_ZONE);
        return client.closingBalance(shopId, s, ledger, asOf)
                .flatMap(balance -> {
                    Instant at = clock.instant();
                    return cache.save(shopId, new TallyBalanceCache.Cached(ledger, balance, asOf, at))
                            .thenReturn(new TallyBalance(ledger, balance, asOf, at, false, 0, TallyBalance.Source.TALLY));
                })
                .onErrorResume(e -> {
                    String why = reason(e);
                    log.warn("Tally of shop {} failed for ledger {}: {}", shopId, ledger, why);
                    if (cached.isEmpty()) {
                        return Mono.error(new TallyUnavailableException(why, e));
                    }
                    TallyBalanceCache.Cached c = cached.get();
                    Instant later = clock.instant();
                    return Mono.just(new TallyBalance(ledger, c.closingBalance(), c.asOf(), c.fetchedAt(), true, age(c.fetchedAt(), later),
                            TallyBalance.Source.CACHE));
                });
    }

    static String reason(Throwable e) {
        if (e instanceof CallNotPermittedException) {
            return "the circuit to Tally is open after repeated failures";
        }
        if (e instanceof TimeoutException) {
            return "Tally did not answer in time";
        }
        if (e instanceof TallyXml.BadAnswer) {
            return e.getMessage();
        }
        if (e instanceof java.net.ConnectException || e.getCause() instanceof java.net.ConnectException) {
            return "Tally refused the connection";
        }
        return "Tally could not be reached (" + e.getClass().getSimpleName() + ")";
    }
}

package dev.kirana.accounting.tally;

import java.util.Optional;
import reactor.core.publisher.Mono;

/** Closing balances from each shop's own Tally, for any part of the suite that reports against them. */
public interface TallyBalances {
    /**
     * {@code ledgerName}'s closing balance in the shop's Tally: fresh from the cache (2 hours by default), else asked
     * of Tally; when Tally fails, the cached value marked stale.
     *
     * @return empty when the shop has not configured Tally; an error {@link TallyUnavailableException} when Tally
     * fails and nothing is cached for the ledger
     */
    Mono<Optional<TallyBalance>> closingBalance(String shopId, String ledgerName);
}

package dev.kirana.accounting.distribution;

import java.time.LocalDate;
import reactor.core.publisher.Mono;

/**
 * Where the OD report reads a retailer's closing balance: the books ({@link BooksRetailerBalances}), or the shop's
 * Tally company when it keeps its books there (an implementation that asks Tally for the retailer's ledger and falls
 * back to the books, marking the answer's source).
 */
public interface RetailerBalances {

    /** The balance of {@code retailer} of {@code shopId} at the end of {@code asAt}. */
    Mono<RetailerBalance> balance(String shopId, Retailer retailer, LocalDate asAt);
}

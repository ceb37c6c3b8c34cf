package dev.kirana.accounting.distribution;

import dev.kirana.accounting.tally.TallyBalances;
import dev.kirana.accounting.tally.TallyUnavailableException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A retailer's balance from the shop's Tally company when the shop keeps its books there: today's closing balance of
 * the ledger named as the retailer (the name the Tally export gives a party's ledger), fresh or from the 2-hour cache,
 * stale when Tally could not be asked. Tally only says what a ledger stands at now, so a report as at an earlier day,
 * a shop without Tally, and a Tally that is down with nothing cached read the books instead, and say so.
 */
@Primary
@Component
public class TallyRetailerBalances implements RetailerBalances {
    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Kolkata");
    private final TallyBalances tally;
    private final BooksRetailerBalances books;
    private final Clock clock;

    public TallyRetailerBalances(TallyBalances tally, BooksRetailerBalances books, Clock clock) {
        this.tally = tally;
        this.books = books;
        this.clock = clock;
    }

    @Override
    public Mono<RetailerBalance> balance(String shopId, Retailer retailer, LocalDate asAt) {
        if (asAt.isBefore(LocalDate.now(clock.withZone(SHOP_ZONE)))) {
            return books.balance(shopId, retailer, asAt);
        }
        return tally.closingBalance(shopId, retailer.name())
                .flatMap(found -> found.map(b -> Mono.just(new RetailerBalance(asAt, b.closingBalance(), RetailerBalance.Source.TALLY, b.stale())))
                        .orElseGet(() -> books.balance(shopId, retailer, asAt)))
                .onErrorResume(TallyUnavailableException.class, e -> books.balance(shopId, retailer, asAt));
    }
}

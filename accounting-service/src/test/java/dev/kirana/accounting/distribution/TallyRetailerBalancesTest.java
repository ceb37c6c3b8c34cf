package dev.kirana.accounting.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.accounting.tally.TallyBalance;
import dev.kirana.accounting.tally.TallyBalances;
import dev.kirana.accounting.tally.TallyUnavailableException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Which balance the OD report gets: Tally's for today when the shop has it, else the books', and says which. */
class TallyRetailerBalancesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T06:30:00Z"), ZoneId.of("Asia/Kolkata"));
    static final Retailer MOBILE_POINT = new Retailer(UUID.randomUUID(), "R001", "Mobile Point", null, null, "27", "Kothrud",
            "R1", 30, null, new BigDecimal("50500.00"), 1, Instant.EPOCH, Instant.EPOCH);

    /** The books say 50,500.00 (the retailer's khata). */
    static final BooksRetailerBalances BOOKS = new BooksRetailerBalances(null) {
        @Override
        public Mono<RetailerBalance> balance(String shopId, Retailer retailer, LocalDate asAt) {
            return Mono.just(new RetailerBalance(asAt, new BigDecimal("50500.00"), RetailerBalance.Source.BOOKS, false));
        }
    };

    static TallyBalance tally(String amount, boolean stale) {
        return new TallyBalance("Mobile Point", new BigDecimal(amount), TODAY, Instant.parse("2026-12-02T04:00:00Z"), stale,
                stale ? 9000 : 0, stale ? TallyBalance.Source.CACHE : TallyBalance.Source.TALLY);
    }

    RetailerBalance balance(TallyBalances tally, LocalDate asAt) {
        return new TallyRetailerBalances(tally, BOOKS, CLOCK).balance("shop-1", MOBILE_POINT, asAt).block();
    }

    @Test
    void todaysBalanceComesFromTallyWhenTheShopHasIt() {
        TallyBalances fresh = (shop, ledger) -> Mono.just(Optional.of(tally(ledger.equals("Mobile Point") ? "48250.00" : "0", false)));
        assertThat(balance(fresh, TODAY)).isEqualTo(new RetailerBalance(TODAY, new BigDecimal("48250.00"), RetailerBalance.Source.TALLY, false));
        // Tally down, the last value cached: Tally's, marked stale
        TallyBalances cached = (shop, ledger) -> Mono.just(Optional.of(tally("47000.00", true)));
        assertThat(balance(cached, TODAY)).isEqualTo(new RetailerBalance(TODAY, new BigDecimal("47000.00"), RetailerBalance.Source.TALLY, true));
    }

    @Test
    void otherwiseTheBooksAnswer() {
        TallyBalances none = (shop, ledger) -> Mono.just(Optional.empty());
        TallyBalances down = (shop, ledger) -> Mono.error(new TallyUnavailableException("Tally did not answer and nothing is cached", null));
        TallyBalances fresh = (shop, ledger) -> Mono.just(Optional.of(tally("48250.00", false)));
        RetailerBalance books = new RetailerBalance(TODAY, new BigDecimal("50500.00"), RetailerBalance.Source.BOOKS, false);
        assertThat(balance(none, TODAY)).isEqualTo(books);
        assertThat(balance(down, TODAY)).isEqualTo(books);
        // Tally only knows today's balance: a report as at the end of November reads the books
        LocalDate november = LocalDate.of(2026, 11, 30);
        assertThat(balance(fresh, november)).isEqualTo(new RetailerBalance(november, new BigDecimal("50500.00"), RetailerBalance.Source.BOOKS, false));
    }
}

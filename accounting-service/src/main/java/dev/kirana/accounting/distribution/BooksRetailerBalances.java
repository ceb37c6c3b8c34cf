package dev.kirana.accounting.distribution;

import dev.kirana.accounting.khata.StatementService;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A retailer's balance from the books: its party's closing balance on Customers (1100) at the date, never stale. */
@Component
public class BooksRetailerBalances implements RetailerBalances {
    private final StatementService statements;

    public BooksRetailerBalances(StatementService statements) {
        this.statements = statements;
    }

    @Override
    public Mono<RetailerBalance> balance(String shopId, Retailer retailer, LocalDate asAt) {
        return statements.standing(shopId, retailer.id(), asAt, retailer.creditDays())
                .map(s -> new RetailerBalance(asAt, s.balance(), RetailerBalance.Source.BOOKS, false));
    }
}

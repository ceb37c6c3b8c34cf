package dev.kirana.accounting.tally;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The last balance Tally gave per (shop, ledger), in a table so that it outlives a restart. */
@Component
public class TallyBalanceCache {
    private final DatabaseClient db;

    public TallyBalanceCache(DatabaseClient db) {
        this.db = db;
    }

    public record Cached(String ledger, BigDecimal closingBalance, LocalDate asOf, Instant fetchedAt) {
    }

    public Mono<Cached> find(String shopId, String ledger) {
        return db.sql("SELECT ledger, closing_balance, as_of, fetched_at FROM tally_balances WHERE shop_id = :shop AND ledger = :ledger")
                .bind("shop", shopId).bind("ledger", ledger).map(r -> new Cached(r.get("ledger", String.class),
                        r.get("closing_balance", BigDecimal.class), r.get("as_of", LocalDate.class),
                        r.get("fetched_at", OffsetDateTime.class).toInstant()))
                .one();
    }

    public Mono<List<Cached>> all(String shopId) {
        return db.sql("SELECT ledger, closing_balance, as_of, fetched_at FROM tally_balances WHERE shop_id = :shop ORDER BY ledger")
                .bind("shop", shopId).map(r -> new Cached(r.get("ledger", String.class),
                        r.get("closing_balance", BigDecimal.class), r.get("as_of", LocalDate.class),
                        r.get("fetched_at", OffsetDateTime.class).toInstant()))
                .all().collectList();
    }

    public Mono<Void> save(String shopId, Cached c) {
        return db.sql("""
                        INSERT INTO tally_balances (shop_id, ledger, closing_balance, as_of, fetched_at)
                        VALUES (:shop, :ledger, :balance, :asOf, :at)
                        ON CONFLICT (shop_id, ledger) DO UPDATE SET closing_balance = excluded.closing_balance, as_of = excluded.as_of,
                            fetched_at = excluded.fetched_at""")
                .bind("shop", shopId).bind("ledger", c.ledger()).bind("balance", c.closingBalance()).bind("asOf", c.asOf())
                .bind("at", c.fetchedAt().atOffset(ZoneOffset.UTC)).fetch().rowsUpdated().then();
    }
}

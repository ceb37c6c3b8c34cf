package dev.kirana.accounting.tally;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Each shop's Tally settings; setting them forgets the balances the previous Tally gave. */
@Component
public class TallySettingsStore {
    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public TallySettingsStore(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    public Mono<TallySettings> find(String shopId) {
        return db.sql("SELECT url, company, updated_by, updated_at FROM tally_settings WHERE shop_id = :shop").bind("shop", shopId)
                .map(r -> new TallySettings(r.get("url", String.class), r.get("company", String.class), r.get("updated_by", String.class),
                        r.get("updated_at", java.time.OffsetDateTime.class).toInstant()))
                .one();
    }

    public Mono<TallySettings> save(String shopId, String url, String company, String userId, Instant now) {
        return tx.transactional(db.sql("""
                        INSERT INTO tally_settings (shop_id, url, company, updated_by, updated_at) VALUES (:shop, :url, :company, :by, :at)
                        ON CONFLICT (shop_id) DO UPDATE SET url = excluded.url, company = excluded.company,
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .bind("shop", shopId).bind("url", url).bind("company", company).bind("by", userId)
                .bind("at", now.atOffset(java.time.ZoneOffset.UTC)).fetch().rowsUpdated()
                .then(db.sql("DELETE FROM tally_balances WHERE shop_id = :shop").bind("shop", shopId).fetch().rowsUpdated())
                .then(find(shopId)));
    }
}

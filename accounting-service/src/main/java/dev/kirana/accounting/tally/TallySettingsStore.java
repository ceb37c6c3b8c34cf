package dev.kirana.accounting.tally;

import dev.kirana.web.audit.AuditLog;
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
    private final AuditLog audit;

    public TallySettingsStore(DatabaseClient db, TransactionalOperator tx, AuditLog audit) {
        this.audit = audit;
        this.db = db;
        this.tx = tx;
    }

    public Mono<TallySettings> find(String shopId) {
        return db.sql("SELECT url, company, updated_by, updated_at FROM tally_settings WHERE shop_id = :shop").bind("shop", shopId)
                .map(r -> new TallySettings(r.get("url", String.class), r.get("company", String.class), r.get("updated_by", String.class),
                        r.get("updated_at", java.time.OffsetDateTime.class).toInstant()))
                .one();
    }

    /** Saves the settings and records the change (before: the settings as they were, or none) in one transaction. */
    public Mono<TallySettings> save(String shopId, String url, String company, String userId, Instant now) {
        return tx.transactional(find(shopId).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(before -> write(shopId, url, company, userId, now)
                        .flatMap(after -> audit.record(shopId, AuditLog.Entry.of("settings.changed", "tally-settings", shopId)
                                .change(before.map(TallySettingsStore::state).orElse(null), state(after))).thenReturn(after))));
    }

    private static java.util.Map<String, Object> state(TallySettings s) {
        return java.util.Map.of("url", s.url(), "company", s.company());
    }

    private Mono<TallySettings> write(String shopId, String url, String company, String userId, Instant now) {
        return (db.sql("""
                        INSERT INTO tally_settings (shop_id, url, company, updated_by, updated_at) VALUES (:shop, :url, :company, :by, :at)
                        ON CONFLICT (shop_id) DO UPDATE SET url = excluded.url, company = excluded.company,
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .bind("shop", shopId).bind("url", url).bind("company", company).bind("by", userId)
                .bind("at", now.atOffset(java.time.ZoneOffset.UTC)).fetch().rowsUpdated()
                .then(db.sql("DELETE FROM tally_balances WHERE shop_id = :shop").bind("shop", shopId).fetch().rowsUpdated())
                .then(find(shopId)));
    }
}

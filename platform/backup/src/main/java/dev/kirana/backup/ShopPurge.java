package dev.kirana.backup;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Deletes every row a shop has in this service: the tables {@link ShopSchema} finds (every table with a shop_id, and
 * the tables hanging off them by a foreign key — the same set a backup archives, credentials and tokens included),
 * children before parents, on the caller's R2DBC transaction, so that the purge commits with whatever else the caller
 * writes (the inbox row of the event that asked for it, an outbox event) or not at all. An append-only table whose
 * DELETE rule does nothing (inventory's stock ledger) has that rule off for this transaction only; a table whose trigger
 * refuses deletes fails the purge unless it is one of the {@code kept} tables.
 *
 * <p>The schema is read over JDBC (the catalog query a backup runs), off the event loop; the deletes go through
 * {@link DatabaseClient}.
 */
public class ShopPurge {
    private static final Logger log = LoggerFactory.getLogger(ShopPurge.class);

    private final DataSource catalog;
    private final DatabaseClient db;
    private final String service;
    private final String schema;
    private final Set<String> kept;

    /**
     * @param catalog a JDBC data source of the service's database, only to read which tables hold a shop's rows
     * @param kept    tables with a shop_id whose rows outlive the shop (auth-service's audit trail)
     */
    public ShopPurge(DataSource catalog, DatabaseClient db, String service, String schema, Set<String> kept) {
        this.catalog = catalog;
        this.db = db;
        this.service = service;
        this.schema = schema;
        this.kept = Set.copyOf(kept);
    }

    /** The same purge in another schema of the database (read models being rebuilt beside the live ones). */
    public ShopPurge inSchema(String other) {
        return new ShopPurge(catalog, db, service, other, kept);
    }

    /** What a purge removed: table → rows, in the order they were deleted. */
    public record Purged(String service, String shopId, Map<String, Long> rows) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private record Plan(List<ShopSchema.Table> tables, List<String> rules) {
    }

    /** Deletes the shop's rows; run it inside the caller's transaction (it opens none). */
    public Mono<Purged> purge(String shopId) {
        return Mono.fromCallable(this::plan).subscribeOn(Schedulers.boundedElastic()).flatMap(plan -> {
            Map<String, Long> rows = new LinkedHashMap<>();
            Flux<Void> rulesOff = Flux.fromIterable(plan.rules()).concatMap(r -> ddl(r, "DISABLE"));
            Flux<Void> deletes = Flux.fromIterable(plan.tables()).concatMap(t -> {
                String filter = t.filter();
                var spec = db.sql("DELETE FROM " + qualified(t.name()) + " t WHERE " + numbered(filter));
                int n = placeholders(filter);
                for (int i = 0; i < n; i++) {
                    spec = spec.bind(i, shopId);
                }
                return spec.fetch().rowsUpdated().doOnNext(count -> rows.put(t.name(), count)).then();
            });
            Flux<Void> rulesOn = Flux.fromIterable(plan.rules()).concatMap(r -> ddl(r, "ENABLE"));
            // a filter names the tables it joins unqualified: in a schema of its own (reporting's read models) they are found there
            Mono<Void> path = schema.equals("public") ? Mono.empty()
                    : db.sql("SET LOCAL search_path TO " + quote(schema) + ", public").then();
            return path.thenMany(rulesOff).thenMany(deletes).thenMany(rulesOn).then(Mono.fromSupplier(() -> {
                Purged purged = new Purged(service, shopId, Collections.unmodifiableMap(rows));
                log.info("purge of shop {} in {}: {} rows of {} tables", shopId, service, purged.total(), rows.size());
                return purged;
            }));
        });
    }

    private Plan plan() throws Exception {
        try (Connection c = catalog.getConnection()) {
            c.setReadOnly(true);
            ShopSchema shop = ShopSchema.read(c, schema, kept);
            List<ShopSchema.Table> reversed = new ArrayList<>(shop.tables());
            Collections.reverse(reversed);
            return new Plan(reversed, shop.deleteRules(c));
        }
    }

    private Mono<Void> ddl(String rule, String action) {
        String[] tr = rule.split("\\.", 2);
        return db.sql("ALTER TABLE " + qualified(tr[0]) + " " + action + " RULE " + quote(tr[1])).then();
    }

    /** The JDBC-style {@code ?} of a {@link ShopSchema} filter as PostgreSQL's {@code $1, $2, …}. */
    static String numbered(String filter) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char ch : filter.toCharArray()) {
            if (ch == '?') {
                out.append('$').append(++n);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static int placeholders(String filter) {
        return (int) filter.chars().filter(ch -> ch == '?').count();
    }

    private String qualified(String table) {
        return quote(schema) + "." + quote(table);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

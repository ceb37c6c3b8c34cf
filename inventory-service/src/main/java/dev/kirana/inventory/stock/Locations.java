package dev.kirana.inventory.stock;

import dev.kirana.web.problem.Problems;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Where stock is kept. Every shop has a default location (its counter), created on first use. */
@Component
public class Locations {
    private final DatabaseClient db;

    public Locations(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The shop's default location. Read first: it exists for every shop after its first use, so this is one statement
     * in the common case. Only when it is missing is the counter inserted, and then read again: when two transactions
     * create it at once, the second one's insert waits for the first and does nothing (the unique index on the shop's
     * default), and its read that follows, a new statement, sees the row the first one committed.
     */
    public Mono<UUID> defaultLocation(String shopId) {
        return findDefault(shopId).switchIfEmpty(Mono.defer(() -> db.sql("""
                        INSERT INTO locations (id, shop_id, code, name, is_default, kind) VALUES (:id, :shop, 'COUNTER', 'Counter', TRUE, 'COUNTER')
                        ON CONFLICT DO NOTHING""")
                .bind("id", UUID.randomUUID()).bind("shop", shopId)
                .then()
                .then(findDefault(shopId))));
    }

    private Mono<UUID> findDefault(String shopId) {
        return db.sql("SELECT id FROM locations WHERE shop_id = :shop AND is_default")
                .bind("shop", shopId).map(r -> r.get("id", UUID.class)).one();
    }

    /** The location if it belongs to the shop, else empty. */
    public Mono<UUID> find(String shopId, UUID id) {
        return db.sql("SELECT id FROM locations WHERE shop_id = :shop AND id = :id")
                .bind("shop", shopId).bind("id", id).map(r -> r.get("id", UUID.class)).one();
    }

    /** The requested location (the default when none is named) if stock may move there: 404 when unknown, 422 when retired. */
    public Mono<UUID> usable(String shopId, UUID requested) {
        if (requested == null) {
            return defaultLocation(shopId);
        }
        return db.sql("SELECT id, active FROM locations WHERE shop_id = :shop AND id = :id")
                .bind("shop", shopId).bind("id", requested)
                .map(r -> Boolean.TRUE.equals(r.get("active", Boolean.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No location " + requested + " in this shop")))
                .flatMap(active -> active ? Mono.just(requested)
                        : Mono.error(Problems.unprocessable("location-retired", "Location " + requested + " is retired")));
    }
}

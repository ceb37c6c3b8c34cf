package dev.kirana.inventory.stock;

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

    public Mono<UUID> defaultLocation(String shopId) {
        return db.sql("""
                        INSERT INTO locations (id, shop_id, code, name, is_default) VALUES (:id, :shop, 'COUNTER', 'Counter', TRUE)
                        ON CONFLICT DO NOTHING""")
                .bind("id", UUID.randomUUID()).bind("shop", shopId)
                .then()
                .then(db.sql("SELECT id FROM locations WHERE shop_id = :shop AND is_default")
                        .bind("shop", shopId).map(r -> r.get("id", UUID.class)).one());
    }

    /** The location if it belongs to the shop, else empty. */
    public Mono<UUID> find(String shopId, UUID id) {
        return db.sql("SELECT id FROM locations WHERE shop_id = :shop AND id = :id")
                .bind("shop", shopId).bind("id", id).map(r -> r.get("id", UUID.class)).one();
    }
}

package dev.kirana.auth.shop;

import dev.kirana.web.security.Role;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who has which role in which shop. The first shop a user joined is their default shop. A membership names its shop's
 * status: a deleted shop's memberships stay (its owner restores it) but are not {@link Membership#usable() usable}.
 */
@Repository
public class Memberships {
    private final DatabaseClient db;

    public Memberships(DatabaseClient db) {
        this.db = db;
    }

    /** A user's shops, oldest membership first (the first usable one is the default shop at login). */
    public Flux<Membership> of(UUID userId) {
        return db.sql("""
                        SELECT m.shop_id, s.name, s.status, m.user_id, m.role, m.created_at FROM membership m JOIN shop s ON s.id = m.shop_id
                        WHERE m.user_id = :user ORDER BY m.created_at, m.shop_id""")
                .bind("user", userId)
                .map(row -> new Membership(row.get("shop_id", UUID.class), row.get("name", String.class),
                        row.get("user_id", UUID.class), Role.valueOf(row.get("role", String.class)),
                        row.get("created_at", OffsetDateTime.class).toInstant(), ShopStatus.valueOf(row.get("status", String.class))))
                .all();
    }

    public Mono<Membership> in(UUID shopId, UUID userId) {
        return db.sql("""
                        SELECT m.shop_id, s.name, s.status, m.user_id, m.role, m.created_at FROM membership m JOIN shop s ON s.id = m.shop_id
                        WHERE m.shop_id = :shop AND m.user_id = :user""")
                .bind("shop", shopId).bind("user", userId)
                .map(row -> new Membership(row.get("shop_id", UUID.class), row.get("name", String.class),
                        row.get("user_id", UUID.class), Role.valueOf(row.get("role", String.class)),
                        row.get("created_at", OffsetDateTime.class).toInstant(), ShopStatus.valueOf(row.get("status", String.class))))
                .one();
    }

    /** @return true when the membership is new */
    public Mono<Boolean> add(UUID shopId, UUID userId, Role role) {
        return db.sql("INSERT INTO membership (shop_id, user_id, role) VALUES (:shop, :user, :role) ON CONFLICT DO NOTHING")
                .bind("shop", shopId).bind("user", userId).bind("role", role.name())
                .fetch().rowsUpdated().map(n -> n == 1);
    }
}

package dev.kirana.auth.shop;

import dev.kirana.india.StateCodes;
import dev.kirana.web.security.Role;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class Shops {
    private static final String COLUMNS = """
            s.id, s.name, s.address, s.state_code, s.gstin, s.currency, s.fy_start_month, s.registration_type,
            s.time_zone, s.created_at, s.version, s.status, s.deleted_at, s.purge_after, m.role""";
    private final DatabaseClient db;

    public Shops(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(UUID id, String name, String address, String stateCode, String gstin, String currency,
                             int fyStartMonth, Shop.RegistrationType type, String timeZone, UUID createdBy) {
        var spec = db.sql("""
                        INSERT INTO shop (id, name, address, state_code, gstin, currency, fy_start_month, registration_type, time_zone, created_by)
                        VALUES (:id, :name, :address, :state, :gstin, :currency, :fy, :type, :zone, :by)""")
                .bind("id", id).bind("name", name).bind("state", stateCode).bind("currency", currency)
                .bind("fy", (short) fyStartMonth).bind("type", type.name()).bind("zone", timeZone).bind("by", createdBy);
        spec = address == null ? spec.bindNull("address", String.class) : spec.bind("address", address);
        spec = gstin == null ? spec.bindNull("gstin", String.class) : spec.bind("gstin", gstin);
        return spec.then();
    }

    /** The shop as seen by a member (with their role). */
    public Mono<Shop> seenBy(UUID shopId, UUID userId) {
        return db.sql("SELECT " + COLUMNS + " FROM shop s JOIN membership m ON m.shop_id = s.id WHERE s.id = :shop AND m.user_id = :user")
                .bind("shop", shopId).bind("user", userId).map(Shops::map).one();
    }

    /** A user's shops, deleted ones included (their owner may restore them), oldest membership first. */
    public Flux<Shop> of(UUID userId) {
        return db.sql("SELECT " + COLUMNS + " FROM shop s JOIN membership m ON m.shop_id = s.id WHERE m.user_id = :user"
                        + " AND s.status <> :purged ORDER BY m.created_at, s.id")
                .bind("user", userId).bind("purged", ShopStatus.PURGED.name()).map(Shops::map).all();
    }

    /** A shop's row locked for a change of its lifecycle, with what a deletion shows and checks. */
    public record Locked(UUID id, String name, String gstin, ShopLifecycle lifecycle) {
    }

    /** Locks the shop's row until the transaction ends; with {@code skipLocked}, empty when another one holds it. */
    public Mono<Locked> lock(UUID shopId, boolean skipLocked) {
        return db.sql("SELECT id, name, gstin, status, deleted_at, purge_after, purged_at FROM shop WHERE id = :id FOR UPDATE"
                        + (skipLocked ? " SKIP LOCKED" : ""))
                .bind("id", shopId)
                .map(row -> {
                    String gstin = row.get("gstin", String.class);
                    return new Locked(row.get("id", UUID.class), row.get("name", String.class), gstin == null ? null : gstin.trim(),
                            new ShopLifecycle(ShopStatus.valueOf(row.get("status", String.class)), instant(row.get("deleted_at", OffsetDateTime.class)),
                                    instant(row.get("purge_after", OffsetDateTime.class)), instant(row.get("purged_at", OffsetDateTime.class))));
                })
                .one();
    }

    /**
     * Writes the shop's lifecycle (and who deleted it, when it is deleted). A purged shop's row becomes its tombstone:
     * its name, state, GSTIN and dates stay, its address goes.
     */
    public Mono<Void> setLifecycle(UUID shopId, ShopLifecycle l, UUID by) {
        String set = switch (l.status()) {
            case ACTIVE -> "deleted_at = NULL, purge_after = NULL, purged_at = NULL, deleted_by = NULL";
            case DELETED -> "deleted_at = :deleted, purge_after = :purge, purged_at = NULL, deleted_by = :by";
            case PURGED -> "purged_at = :purged, address = NULL";
        };
        var spec = db.sql("UPDATE shop SET status = :status, " + set + ", version = version + 1, updated_at = now() WHERE id = :id")
                .bind("id", shopId).bind("status", l.status().name());
        if (l.status() == ShopStatus.DELETED) {
            spec = spec.bind("deleted", OffsetDateTime.ofInstant(l.deletedAt(), java.time.ZoneOffset.UTC))
                    .bind("purge", OffsetDateTime.ofInstant(l.purgeAfter(), java.time.ZoneOffset.UTC));
            spec = by == null ? spec.bindNull("by", UUID.class) : spec.bind("by", by);
        } else if (l.status() == ShopStatus.PURGED) {
            spec = spec.bind("purged", OffsetDateTime.ofInstant(l.purgedAt(), java.time.ZoneOffset.UTC));
        }
        return spec.then();
    }

    /** Deleted shops whose restore window closed by {@code now}, the longest due first. */
    public Flux<UUID> purgeDue(java.time.Instant now, int limit) {
        return db.sql("SELECT id FROM shop WHERE status = :deleted AND purge_after <= :now ORDER BY purge_after, id LIMIT :limit")
                .bind("deleted", ShopStatus.DELETED.name()).bind("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }

    private static java.time.Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /** Writes every field and bumps the version, if the version is still {@code expectedVersion}. @return rows updated */
    public Mono<Long> update(Shop s, int expectedVersion) {
        var spec = db.sql("""
                        UPDATE shop SET name = :name, address = :address, state_code = :state, gstin = :gstin,
                          fy_start_month = :fy, registration_type = :type, time_zone = :zone, version = version + 1, updated_at = now()
                        WHERE id = :id AND version = :version""")
                .bind("id", s.id()).bind("name", s.name()).bind("state", s.stateCode()).bind("fy", (short) s.financialYearStartMonth())
                .bind("type", s.registrationType().name()).bind("zone", s.timeZone()).bind("version", expectedVersion);
        spec = s.address() == null ? spec.bindNull("address", String.class) : spec.bind("address", s.address());
        spec = s.gstin() == null ? spec.bindNull("gstin", String.class) : spec.bind("gstin", s.gstin());
        return spec.fetch().rowsUpdated();
    }

    static Shop map(Readable row) {
        String state = row.get("state_code", String.class);
        Number fy = row.get("fy_start_month", Number.class);
        String gstin = row.get("gstin", String.class);
        return new Shop(row.get("id", UUID.class), row.get("name", String.class), row.get("address", String.class),
                state, StateCodes.name(state), gstin == null ? null : gstin.trim(), row.get("currency", String.class),
                fy.intValue(), Shop.RegistrationType.valueOf(row.get("registration_type", String.class)),
                row.get("time_zone", String.class), Role.valueOf(row.get("role", String.class)),
                row.get("created_at", OffsetDateTime.class).toInstant(), row.get("version", Integer.class),
                ShopStatus.valueOf(row.get("status", String.class)), instant(row.get("deleted_at", OffsetDateTime.class)),
                instant(row.get("purge_after", OffsetDateTime.class)));
    }
}

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
            s.time_zone, s.created_at, s.version, m.role""";
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

    public Flux<Shop> of(UUID userId) {
        return db.sql("SELECT " + COLUMNS + " FROM shop s JOIN membership m ON m.shop_id = s.id WHERE m.user_id = :user ORDER BY m.created_at, s.id")
                .bind("user", userId).map(Shops::map).all();
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
                row.get("created_at", OffsetDateTime.class).toInstant(), row.get("version", Integer.class));
    }
}

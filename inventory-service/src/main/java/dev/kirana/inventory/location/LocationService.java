package dev.kirana.inventory.location;

import dev.kirana.inventory.stock.Locations;
import dev.kirana.web.problem.Problems;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Locations per shop. A location that held stock is never deleted (the ledger names it): it is retired once empty. */
@Service
public class LocationService {
    private static final String COLUMNS = "id, code, name, kind, is_default, active, version, created_at, updated_at";
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Locations locations;

    public LocationService(DatabaseClient db, TransactionalOperator tx, Locations locations) {
        this.db = db;
        this.tx = tx;
        this.locations = locations;
    }

    public Flux<Location> list(String shopId) {
        return locations.defaultLocation(shopId).thenMany(db.sql("SELECT " + COLUMNS + " FROM locations WHERE shop_id = :shop ORDER BY is_default DESC, active DESC, code")
                .bind("shop", shopId).map(LocationService::map).all());
    }

    public Mono<Location> get(String shopId, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM locations WHERE shop_id = :shop AND id = :id").bind("shop", shopId).bind("id", id)
                .map(LocationService::map).one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No location " + id + " in this shop")));
    }

    public Mono<Location> create(String shopId, LocationRequest r) {
        UUID id = UUID.randomUUID();
        Mono<Location> work = locations.defaultLocation(shopId)
                .then(db.sql("INSERT INTO locations (id, shop_id, code, name, kind) VALUES (:id, :shop, :code, :name, :kind)")
                        .bind("id", id).bind("shop", shopId).bind("code", r.code().trim().toUpperCase(Locale.ROOT))
                        .bind("name", r.name().trim()).bind("kind", r.kind().name()).then())
                .then(Boolean.TRUE.equals(r.isDefault()) ? makeDefault(shopId, id) : Mono.empty())
                .then(get(shopId, id))
                .onErrorMap(DataIntegrityViolationException.class, e -> Problems.conflict("A location with code " + r.code() + " already exists"));
        return tx.transactional(work);
    }

    public Mono<Location> update(String shopId, UUID id, LocationRequest r, Long expectedVersion) {
        Mono<Location> work = lock(shopId, id).flatMap(current -> {
            if (expectedVersion != null && expectedVersion != current.version()) {
                return Mono.error(Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", "Precondition failed",
                        "Location " + id + " is at version " + current.version() + ", not " + expectedVersion));
            }
            if (current.isDefault() && Boolean.FALSE.equals(r.isDefault())) {
                return Mono.error(Problems.unprocessable("default-location", "Make another location the default instead"));
            }
            if (!current.active() && Boolean.TRUE.equals(r.isDefault())) {
                return Mono.error(Problems.unprocessable("location-retired", "A retired location cannot be the default"));
            }
            return db.sql("UPDATE locations SET code = :code, name = :name, kind = :kind, version = version + 1, updated_at = now() WHERE shop_id = :shop AND id = :id")
                    .bind("code", r.code().trim().toUpperCase(Locale.ROOT)).bind("name", r.name().trim()).bind("kind", r.kind().name())
                    .bind("shop", shopId).bind("id", id).then()
                    .then(Boolean.TRUE.equals(r.isDefault()) && !current.isDefault() ? makeDefault(shopId, id) : Mono.empty())
                    .then(get(shopId, id));
        }).onErrorMap(DataIntegrityViolationException.class, e -> Problems.conflict("A location with code " + r.code() + " already exists"));
        return tx.transactional(work);
    }

    /** Retires an empty location that is not the default; it stays in the ledger's history. */
    public Mono<Void> retire(String shopId, UUID id) {
        Mono<Void> work = lock(shopId, id).flatMap(current -> {
            if (current.isDefault()) {
                return Mono.error(Problems.conflict("The default location cannot be retired; make another location the default first"));
            }
            return db.sql("SELECT coalesce(sum(on_hand), 0) AS on_hand FROM stock_levels WHERE shop_id = :shop AND location_id = :id")
                    .bind("shop", shopId).bind("id", id).map(r -> r.get("on_hand", BigDecimal.class)).one()
                    .flatMap(onHand -> onHand.signum() != 0
                            ? Mono.error(Problems.conflict("Location " + current.code() + " still holds stock (" + onHand.stripTrailingZeros().toPlainString()
                            + " units); transfer it out first"))
                            : db.sql("UPDATE locations SET active = FALSE, version = version + 1, updated_at = now() WHERE shop_id = :shop AND id = :id")
                            .bind("shop", shopId).bind("id", id).then());
        });
        return tx.transactional(work);
    }

    private Mono<Void> makeDefault(String shopId, UUID id) {
        return db.sql("UPDATE locations SET is_default = FALSE, version = version + 1, updated_at = now() WHERE shop_id = :shop AND is_default")
                .bind("shop", shopId).then()
                .then(db.sql("UPDATE locations SET is_default = TRUE WHERE shop_id = :shop AND id = :id").bind("shop", shopId).bind("id", id).then());
    }

    private Mono<Location> lock(String shopId, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM locations WHERE shop_id = :shop AND id = :id FOR UPDATE").bind("shop", shopId).bind("id", id)
                .map(LocationService::map).one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No location " + id + " in this shop")));
    }

    private static Location map(Readable r) {
        return new Location(r.get("id", UUID.class), r.get("code", String.class), r.get("name", String.class), r.get("kind", String.class),
                Boolean.TRUE.equals(r.get("is_default", Boolean.class)), Boolean.TRUE.equals(r.get("active", Boolean.class)),
                r.get("version", Long.class), r.get("created_at", OffsetDateTime.class).toInstant(),
                r.get("updated_at", OffsetDateTime.class).toInstant());
    }
}

package dev.kirana.inventory.serial;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Serial units in the database, with the lot each unit in stock belongs to. */
@Component
public class Serials {
    private final DatabaseClient db;

    public Serials(DatabaseClient db) {
        this.db = db;
    }

    /** A unit as stored, with its lot. */
    public record Stored(SerialUnit unit, Long lotId) {
    }

    /** The named units that exist (row-locked), by serial. */
    public Mono<Map<String, Stored>> lock(String shopId, String productId, List<String> serials) {
        if (serials.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        SELECT serial, status, location_id, lot_id FROM serial_units
                        WHERE shop_id = :shop AND product_id = :product AND serial = ANY (:serials) ORDER BY serial FOR UPDATE""")
                .bind("shop", shopId).bind("product", productId).bind("serials", serials.toArray(String[]::new))
                .map(r -> new Stored(new SerialUnit(r.get("serial", String.class), SerialUnit.Status.valueOf(r.get("status", String.class)),
                        r.get("location_id", UUID.class)), r.get("lot_id", Long.class)))
                .all().collectMap(s -> s.unit().serial(), Function.identity());
    }

    /** Units in stock at a location that belong to a lot, oldest serial first (to pick units for a sale). */
    public Flux<String> inStock(String shopId, String productId, UUID locationId, long lotId, int count) {
        return db.sql("""
                        SELECT serial FROM serial_units WHERE shop_id = :shop AND product_id = :product AND location_id = :loc
                        AND lot_id = :lot AND status = 'IN_STOCK' ORDER BY serial LIMIT :n FOR UPDATE""")
                .bind("shop", shopId).bind("product", productId).bind("loc", locationId).bind("lot", lotId).bind("n", count)
                .map(r -> r.get("serial", String.class)).all();
    }

    /** Writes a unit's new state (inserting it when new); counts sales and returns. */
    public Mono<Void> save(String shopId, String productId, SerialUnit unit, Long lotId, boolean sold, boolean returned) {
        var spec = db.sql("""
                        INSERT INTO serial_units (shop_id, product_id, serial, status, location_id, lot_id, times_sold, times_returned)
                        VALUES (:shop, :product, :serial, :status, :loc, :lot, :sold, :returned)
                        ON CONFLICT (shop_id, product_id, serial) DO UPDATE SET status = excluded.status, location_id = excluded.location_id,
                            lot_id = excluded.lot_id, times_sold = serial_units.times_sold + excluded.times_sold,
                            times_returned = serial_units.times_returned + excluded.times_returned, updated_at = now()""")
                .bind("shop", shopId).bind("product", productId).bind("serial", unit.serial()).bind("status", unit.status().name())
                .bind("sold", sold ? 1 : 0).bind("returned", returned ? 1 : 0);
        spec = unit.locationId() == null ? spec.bindNull("loc", UUID.class) : spec.bind("loc", unit.locationId());
        spec = lotId == null ? spec.bindNull("lot", Long.class) : spec.bind("lot", lotId);
        return spec.then();
    }

    public static Map<Long, Long> countByLot(List<Stored> units) {
        return units.stream().collect(Collectors.groupingBy(Stored::lotId, Collectors.counting()));
    }
}

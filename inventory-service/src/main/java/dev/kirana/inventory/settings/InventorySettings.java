package dev.kirana.inventory.settings;

import dev.kirana.web.audit.AuditLog;
import dev.kirana.inventory.valuation.ValuationMethod;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** A shop's inventory settings; moving average until the shop chooses FIFO. */
@Component
public class InventorySettings {
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final AuditLog audit;

    public InventorySettings(DatabaseClient db, TransactionalOperator tx, AuditLog audit) {
        this.audit = audit;
        this.db = db;
        this.tx = tx;
    }

    /**
     * Changes the valuation method without changing what the stock is worth: to FIFO, every open lot takes
     * its location's current average cost (lots kept their purchase costs until now); to moving average,
     * the average already is the lots' value over their quantity.
     */
    public Mono<Settings> change(String shopId, String actor, ValuationMethod method) {
        Mono<Settings> work = method(shopId).flatMap(current -> audit.record(shopId, AuditLog.Entry.of("settings.changed", "inventory-settings", shopId)
                .change(java.util.Map.of("valuationMethod", current.name()), java.util.Map.of("valuationMethod", method.name()))).then(Mono.defer(() -> {
            Mono<Void> revalue = current == ValuationMethod.MOVING_AVERAGE && method == ValuationMethod.FIFO
                    // every stock level of the shop, locked in the usual order, so no movement runs meanwhile
                    ? db.sql("SELECT 1 AS one FROM stock_levels WHERE shop_id = :shop ORDER BY product_id, location_id FOR UPDATE")
                    .bind("shop", shopId).map(r -> 1).all().then()
                    .then(db.sql("""
                                    UPDATE stock_lots l SET unit_cost = s.avg_cost FROM stock_levels s
                                    WHERE l.shop_id = :shop AND s.shop_id = l.shop_id AND s.product_id = l.product_id
                                      AND s.location_id = l.location_id AND l.remaining > 0""")
                            .bind("shop", shopId).then())
                    : Mono.empty();
            return revalue.then(db.sql("""
                            INSERT INTO inventory_settings (shop_id, valuation_method, updated_by) VALUES (:shop, :method, :by)
                            ON CONFLICT (shop_id) DO UPDATE SET valuation_method = excluded.valuation_method, updated_by = excluded.updated_by,
                                updated_at = now()""")
                    .bind("shop", shopId).bind("method", method.name()).bind("by", actor).then());
        }))).then(settings(shopId));
        return tx.transactional(work);
    }

    public record Settings(ValuationMethod valuationMethod, String updatedBy, Instant updatedAt) {
    }

    /** The method of a shop that has not chosen one. */
    public static final ValuationMethod DEFAULT_METHOD = ValuationMethod.MOVING_AVERAGE;

    /**
     * For a query that reads the shop's method with other rows in one statement: a scalar subquery of the stored method
     * of the shop in {@code shopIdColumn} (NULL when the shop has not chosen one; {@link #storedMethod(String)} reads it).
     */
    public static String methodOf(String shopIdColumn) {
        return "(SELECT valuation_method FROM inventory_settings WHERE shop_id = " + shopIdColumn + ")";
    }

    /** The method as {@link #methodOf} read it. */
    public static ValuationMethod storedMethod(String stored) {
        return stored == null ? DEFAULT_METHOD : ValuationMethod.valueOf(stored);
    }

    public Mono<ValuationMethod> method(String shopId) {
        return settings(shopId).map(Settings::valuationMethod);
    }

    public Mono<Settings> settings(String shopId) {
        return db.sql("SELECT valuation_method, updated_by, updated_at FROM inventory_settings WHERE shop_id = :shop")
                .bind("shop", shopId)
                .map(r -> new Settings(ValuationMethod.valueOf(r.get("valuation_method", String.class)), r.get("updated_by", String.class),
                        r.get("updated_at", OffsetDateTime.class).toInstant()))
                .one()
                .defaultIfEmpty(new Settings(DEFAULT_METHOD, null, null));
    }
}

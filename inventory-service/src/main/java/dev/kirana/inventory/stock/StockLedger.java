package dev.kirana.inventory.stock;

import dev.kirana.inventory.lots.LotPicker.Take;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Appends to the immutable stock ledger; always inside the transaction that moves the stock level. */
@Component
public class StockLedger {
    private final DatabaseClient db;

    public StockLedger(DatabaseClient db) {
        this.db = db;
    }

    /** One movement as it is written: what moved, at what cost, what is left and why. */
    public record Entry(String shopId, String productId, UUID locationId, Movement movement, BigDecimal quantity,
                        BigDecimal unitCost, BigDecimal onHandAfter, BigDecimal valueAfter, String reason, String actor,
                        String cause) {
    }

    /**
     * One statement: the ledger row, and with it (data-modifying CTEs, all or nothing) the lots it drew on or created
     * and its serial units.
     *
     * @return the ledger row's id
     */
    public Mono<Long> record(Entry e, List<Take> lots, List<String> serials) {
        StringBuilder sql = new StringBuilder("""
                WITH entry AS (
                    INSERT INTO stock_ledger (shop_id, product_id, location_id, movement, quantity, unit_cost, on_hand_after,
                                              value_after, reason, actor, cause)
                    VALUES (:shop, :product, :location, :movement, :qty, :cost, :after, :value, :reason, :actor, :cause)
                    RETURNING id)""");
        if (!lots.isEmpty()) {
            sql.append("""
                    , entry_lots AS (
                        INSERT INTO stock_ledger_lots (ledger_id, lot_id, quantity, unit_cost)
                        SELECT entry.id, t.lot_id, t.quantity, t.unit_cost
                        FROM entry, unnest(CAST(:lotIds AS BIGINT[]), CAST(:lotQtys AS NUMERIC[]), CAST(:lotCosts AS NUMERIC[]))
                             AS t (lot_id, quantity, unit_cost))""");
        }
        if (!serials.isEmpty()) {
            sql.append("""
                    , entry_serials AS (
                        INSERT INTO stock_ledger_serials (ledger_id, serial)
                        SELECT entry.id, u.serial FROM entry, unnest(CAST(:serials AS TEXT[])) AS u (serial))""");
        }
        sql.append("\nSELECT id FROM entry");
        var spec = db.sql(sql.toString())
                .bind("shop", e.shopId()).bind("product", e.productId()).bind("location", e.locationId())
                .bind("movement", e.movement().name()).bind("qty", e.quantity()).bind("cost", e.unitCost())
                .bind("after", e.onHandAfter()).bind("value", e.valueAfter())
                .bind("actor", e.actor()).bind("cause", e.cause());
        spec = e.reason() == null ? spec.bindNull("reason", String.class) : spec.bind("reason", e.reason());
        if (!lots.isEmpty()) {
            spec = spec.bind("lotIds", lots.stream().map(t -> t.lot().id()).toArray(Long[]::new))
                    .bind("lotQtys", lots.stream().map(t -> t.quantity().toPlainString()).toArray(String[]::new))
                    .bind("lotCosts", lots.stream().map(t -> t.lot().unitCost().toPlainString()).toArray(String[]::new));
        }
        if (!serials.isEmpty()) {
            spec = spec.bind("serials", serials.toArray(String[]::new));
        }
        return spec.map(r -> r.get("id", Long.class)).one();
    }
}

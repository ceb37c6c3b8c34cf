package dev.kirana.inventory.lots;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Lots in the database. Always used under the row lock of the product's stock level at the lot's location. */
@Component
public class Lots {
    private final DatabaseClient db;

    public Lots(DatabaseClient db) {
        this.db = db;
    }

    public Mono<List<Lot>> open(String shopId, String productId, UUID locationId) {
        return db.sql("""
                        SELECT id, batch_no, expiry_date, unit_cost, remaining, received_at FROM stock_lots
                        WHERE shop_id = :shop AND product_id = :product AND location_id = :loc AND remaining > 0 ORDER BY id""")
                .bind("shop", shopId).bind("product", productId).bind("loc", locationId)
                .map(r -> new Lot(r.get("id", Long.class), r.get("batch_no", String.class), r.get("expiry_date", LocalDate.class),
                        r.get("unit_cost", BigDecimal.class), r.get("remaining", BigDecimal.class),
                        r.get("received_at", OffsetDateTime.class).toInstant()))
                .all().collectList();
    }

    public Mono<Lot> add(String shopId, String productId, UUID locationId, String batchNo, LocalDate expiry, BigDecimal unitCost,
                         BigDecimal quantity, String cause) {
        var spec = db.sql("""
                        INSERT INTO stock_lots (shop_id, product_id, location_id, batch_no, expiry_date, unit_cost, received_qty, remaining, cause)
                        VALUES (:shop, :product, :loc, :batch, :expiry, :cost, :qty, :qty, :cause)
                        RETURNING id, received_at""")
                .bind("shop", shopId).bind("product", productId).bind("loc", locationId).bind("cost", unitCost)
                .bind("qty", quantity).bind("cause", cause);
        spec = batchNo == null ? spec.bindNull("batch", String.class) : spec.bind("batch", batchNo);
        spec = expiry == null ? spec.bindNull("expiry", LocalDate.class) : spec.bind("expiry", expiry);
        return spec.map(r -> new Lot(r.get("id", Long.class), batchNo, expiry, unitCost, quantity,
                r.get("received_at", OffsetDateTime.class).toInstant())).one();
    }

    public Mono<Void> take(long lotId, BigDecimal quantity) {
        return db.sql("UPDATE stock_lots SET remaining = remaining - :qty WHERE id = :id AND remaining >= :qty")
                .bind("qty", quantity).bind("id", lotId).fetch().rowsUpdated()
                .flatMap(n -> n == 1 ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("lot " + lotId + " does not hold " + quantity)));
    }

    /** Takes from every lot at once: one statement however many lots an issue draws on; each must still hold what it gives. */
    public Mono<Void> take(List<LotPicker.Take> takes) {
        if (takes.isEmpty()) {
            return Mono.empty();
        }
        if (takes.size() == 1) {
            return take(takes.get(0).lot().id(), takes.get(0).quantity());
        }
        return db.sql("""
                        UPDATE stock_lots l SET remaining = l.remaining - t.qty
                        FROM unnest(CAST(:ids AS BIGINT[]), CAST(:qtys AS NUMERIC[])) AS t (id, qty)
                        WHERE l.id = t.id AND l.remaining >= t.qty""")
                .bind("ids", takes.stream().map(t -> t.lot().id()).toArray(Long[]::new))
                .bind("qtys", takes.stream().map(t -> t.quantity().toPlainString()).toArray(String[]::new))
                .fetch().rowsUpdated()
                .flatMap(n -> n == takes.size() ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("lots " + takes.stream().map(t -> t.lot().id()).toList()
                        + " do not hold " + takes.stream().map(LotPicker.Take::quantity).toList())));
    }

    public static BigDecimal value(List<Lot> lots) {
        return lots.stream().map(l -> l.remaining().multiply(l.unitCost())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

package dev.kirana.inventory.stock;

import dev.kirana.inventory.lots.LotPicker.Take;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
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

    /** @return the ledger row's id */
    public Mono<Long> record(Entry e, List<Take> lots, List<String> serials) {
        var spec = db.sql("""
                        INSERT INTO stock_ledger (shop_id, product_id, location_id, movement, quantity, unit_cost, on_hand_after,
                                                  value_after, reason, actor, cause)
                        VALUES (:shop, :product, :location, :movement, :qty, :cost, :after, :value, :reason, :actor, :cause)
                        RETURNING id""")
                .bind("shop", e.shopId()).bind("product", e.productId()).bind("location", e.locationId())
                .bind("movement", e.movement().name()).bind("qty", e.quantity()).bind("cost", e.unitCost())
                .bind("after", e.onHandAfter()).bind("value", e.valueAfter())
                .bind("actor", e.actor()).bind("cause", e.cause());
        spec = e.reason() == null ? spec.bindNull("reason", String.class) : spec.bind("reason", e.reason());
        return spec.map(r -> r.get("id", Long.class)).one()
                .flatMap(id -> Flux.fromIterable(lots)
                        .concatMap(t -> db.sql("INSERT INTO stock_ledger_lots (ledger_id, lot_id, quantity, unit_cost) VALUES (:l, :lot, :q, :c)")
                                .bind("l", id).bind("lot", t.lot().id()).bind("q", t.quantity()).bind("c", t.lot().unitCost()).then())
                        .thenMany(Flux.fromIterable(serials).concatMap(s -> db.sql("INSERT INTO stock_ledger_serials (ledger_id, serial) VALUES (:l, :s)")
                                .bind("l", id).bind("s", s).then()))
                        .then(Mono.just(id)));
    }
}

package dev.kirana.inventory.stock;

import java.math.BigDecimal;
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

    public Mono<Void> record(String shopId, String productId, UUID locationId, Movement movement, BigDecimal quantity,
                             BigDecimal unitCost, BigDecimal onHandAfter, BigDecimal averageCostAfter, String reason,
                             String actor, String cause) {
        var spec = db.sql("""
                        INSERT INTO stock_ledger (shop_id, product_id, location_id, movement, quantity, unit_cost, on_hand_after,
                                                  value_after, reason, actor, cause)
                        VALUES (:shop, :product, :location, :movement, :qty, :cost, :after, :value, :reason, :actor, :cause)""")
                .bind("shop", shopId).bind("product", productId).bind("location", locationId)
                .bind("movement", movement.name()).bind("qty", quantity).bind("cost", unitCost)
                .bind("after", onHandAfter).bind("value", MovingAverageCost.value(onHandAfter, averageCostAfter))
                .bind("actor", actor).bind("cause", cause);
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        return spec.then();
    }
}

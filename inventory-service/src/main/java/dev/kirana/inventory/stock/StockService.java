package dev.kirana.inventory.stock;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import dev.kirana.web.problem.Problems;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Service
public class StockService {
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final OutboxWriter outbox;
    private final Locations locations;
    private final StockLedger ledger;

    public StockService(DatabaseClient db, TransactionalOperator tx, OutboxWriter outbox, Locations locations, StockLedger ledger) {
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
        this.locations = locations;
        this.ledger = ledger;
    }

    /** Goods in: stock rises, the average cost blends in the receipt's cost, the ledger records it, stock.received goes out. */
    public Mono<StockLevel> receive(String shopId, String actor, ReceiptRequest r, String cause) {
        Mono<StockLevel> work = requireSellable(shopId, r.productId())
                .then(location(shopId, r.locationId()))
                .flatMap(loc -> db.sql("""
                                INSERT INTO stock_levels (shop_id, product_id, location_id) VALUES (:shop, :product, :loc)
                                ON CONFLICT DO NOTHING""")
                        .bind("shop", shopId).bind("product", r.productId()).bind("loc", loc).then()
                        .then(lockLevel(shopId, r.productId(), loc))
                        .flatMap(level -> {
                            BigDecimal avg = MovingAverageCost.afterReceipt(level.onHand(), level.averageCost(), r.quantity(), r.unitCost());
                            BigDecimal onHand = level.onHand().add(r.quantity());
                            return db.sql("UPDATE stock_levels SET on_hand = :onHand, avg_cost = :avg WHERE shop_id = :shop AND product_id = :product AND location_id = :loc")
                                    .bind("onHand", onHand).bind("avg", avg)
                                    .bind("shop", shopId).bind("product", r.productId()).bind("loc", loc).then()
                                    .then(ledger.record(shopId, r.productId(), loc, Movement.PURCHASE_RECEIPT, r.quantity(),
                                            r.unitCost(), onHand, avg, r.reason(), actor, cause))
                                    .then(outbox.append(Topics.INVENTORY, EventTypes.STOCK_RECEIVED, r.productId(), shopId,
                                            new InventoryEvents.StockReceived(r.productId(), loc.toString(), r.quantity(), r.unitCost(), onHand)))
                                    .then(lockLevel(shopId, r.productId(), loc));
                        }));
        return tx.transactional(work);
    }

    public Flux<StockLevel> levels(String shopId, String productId) {
        String filter = productId == null ? "" : " AND product_id = :product";
        var spec = db.sql("SELECT product_id, location_id, on_hand, reserved, avg_cost FROM stock_levels WHERE shop_id = :shop"
                + filter + " ORDER BY product_id, location_id").bind("shop", shopId);
        if (productId != null) {
            spec = spec.bind("product", productId);
        }
        return spec.map(StockService::level).all();
    }

    public Flux<Map<String, Object>> history(String shopId, String productId, int limit) {
        return db.sql("""
                        SELECT id, product_id, location_id, movement, quantity, unit_cost, on_hand_after, value_after, reason, actor, cause, created_at
                        FROM stock_ledger WHERE shop_id = :shop AND product_id = :product ORDER BY id DESC LIMIT :limit""")
                .bind("shop", shopId).bind("product", productId).bind("limit", limit)
                .fetch().all();
    }

    /** Stock levels are a cache of the ledger: every (product, location) whose on-hand differs from the ledger's sum. */
    public Mono<Reconciliation> reconcile(String shopId) {
        return db.sql("""
                        SELECT coalesce(s.product_id, l.product_id) AS product_id, coalesce(s.location_id, l.location_id) AS location_id,
                               coalesce(s.on_hand, 0) AS on_hand, coalesce(l.total, 0) AS ledger
                        FROM (SELECT product_id, location_id, on_hand FROM stock_levels WHERE shop_id = :shop) s
                        FULL JOIN (SELECT product_id, location_id, sum(quantity) AS total FROM stock_ledger WHERE shop_id = :shop
                                   GROUP BY product_id, location_id) l
                          ON s.product_id = l.product_id AND s.location_id = l.location_id
                        WHERE coalesce(s.on_hand, 0) <> coalesce(l.total, 0)""")
                .bind("shop", shopId)
                .map(r -> new Reconciliation.Mismatch(r.get("product_id", String.class), r.get("location_id", UUID.class),
                        r.get("on_hand", BigDecimal.class), r.get("ledger", BigDecimal.class)))
                .all().collectList()
                .flatMap(m -> db.sql("SELECT count(*) AS n FROM stock_levels WHERE shop_id = :shop").bind("shop", shopId)
                        .map(r -> r.get("n", Long.class)).one()
                        .map(n -> new Reconciliation(m.isEmpty(), n, m)));
    }

    public record Reconciliation(boolean consistent, long levelsChecked, List<Mismatch> mismatches) {
        public record Mismatch(String productId, UUID locationId, BigDecimal onHand, BigDecimal ledgerTotal) {
        }
    }

    Mono<Void> requireSellable(String shopId, String productId) {
        return db.sql("SELECT active FROM known_products WHERE shop_id = :shop AND product_id = :product")
                .bind("shop", shopId).bind("product", productId)
                .map(r -> Boolean.TRUE.equals(r.get("active", Boolean.class))).one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No product " + productId + " in this shop")))
                .flatMap(active -> active ? Mono.<Void>empty()
                        : Mono.error(Problems.unprocessable("product-archived", "Product " + productId + " is archived")));
    }

    private Mono<UUID> location(String shopId, UUID requested) {
        return requested == null ? locations.defaultLocation(shopId)
                : locations.find(shopId, requested)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No location " + requested + " in this shop")));
    }

    private Mono<StockLevel> lockLevel(String shopId, String productId, UUID loc) {
        return db.sql("""
                        SELECT product_id, location_id, on_hand, reserved, avg_cost FROM stock_levels
                        WHERE shop_id = :shop AND product_id = :product AND location_id = :loc FOR UPDATE""")
                .bind("shop", shopId).bind("product", productId).bind("loc", loc)
                .map(StockService::level).one();
    }

    static StockLevel level(Readable r) {
        BigDecimal onHand = r.get("on_hand", BigDecimal.class);
        BigDecimal reserved = r.get("reserved", BigDecimal.class);
        return new StockLevel(r.get("product_id", String.class), r.get("location_id", UUID.class), onHand, reserved,
                onHand.subtract(reserved), r.get("avg_cost", BigDecimal.class));
    }
}

package dev.kirana.inventory.returns;

import dev.kirana.inventory.catalogreplica.KnownProducts;
import dev.kirana.inventory.lowstock.LowStockMonitor;
import dev.kirana.inventory.serial.SerialNumbers;
import dev.kirana.inventory.stock.Locations;
import dev.kirana.inventory.stock.Movement;
import dev.kirana.inventory.stock.StockEvents;
import dev.kirana.inventory.stock.StockMovement;
import dev.kirana.inventory.stock.StockMoves;
import dev.kirana.inventory.stock.StockService;
import dev.kirana.web.problem.Problems;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import reactor.core.publisher.Flux;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Customer returns: stock comes back (CUSTOMER_RETURN), at its sale cost when the order is named, once per unit sold. */
@Service
public class ReturnService {
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final KnownProducts products;
    private final Locations locations;
    private final StockService stock;
    private final StockMoves moves;
    private final StockEvents events;
    private final LowStockMonitor lowStock;

    public ReturnService(DatabaseClient db, TransactionalOperator tx, KnownProducts products, Locations locations, StockService stock,
                         StockMoves moves, StockEvents events, LowStockMonitor lowStock) {
        this.db = db;
        this.tx = tx;
        this.products = products;
        this.locations = locations;
        this.stock = stock;
        this.moves = moves;
        this.events = events;
        this.lowStock = lowStock;
    }

    private record Sold(BigDecimal quantity, BigDecimal returned, BigDecimal unitCost) {
    }

    public Mono<StockMovement> accept(String shopId, String actor, ReturnRequest r, String key) {
        List<String> serials = SerialNumbers.normalize(r.serials());
        String cause = r.orderId() == null || r.orderId().isBlank() ? "return:" + key : "order:" + r.orderId().trim();
        Mono<StockMovement> work = products.require(shopId, r.productId()).flatMap(product -> {
            var serialProblem = SerialNumbers.problem(product.serialTracked(), r.quantity(), serials);
            if (serialProblem.isPresent()) {
                return Mono.error(Problems.invalid("serials", serialProblem.get()));
            }
            if (product.perishable() && r.expiryDate() == null) {
                return Mono.error(Problems.invalid("expiryDate", "is required to restock a perishable product"));
            }
            if (r.expiryDate() != null && r.expiryDate().isBefore(stock.today())) {
                return Mono.error(Problems.unprocessable("expired-goods", "Returned goods expired on " + r.expiryDate()
                        + " and are not restocked; refund them without a stock return"));
            }
            return locations.usable(shopId, r.locationId()).flatMap(loc -> stock.context(shopId, actor, cause).flatMap(ctx ->
                    moves.lock(shopId, r.productId(), loc).flatMap(level -> cost(shopId, r, level.averageCost())
                            .flatMap(unitCost -> moves.in(ctx, level, Movement.CUSTOMER_RETURN, r.quantity(), unitCost,
                                    blank(r.batchNo()), r.expiryDate(), serials, StockMoves.SerialsIn.RETURNED, r.reason())))
                            .flatMap(moved -> events.adjusted(shopId, moved, r.reason(), cause)
                                    .then(lowStock.check(shopId, List.of(r.productId()), ctx.today()))
                                    .thenReturn(StockMovement.of(moved)))));
        });
        return tx.transactional(work);
    }

    /**
     * The return's unit cost: as given, else what the order's sale cost, else the current average. A named
     * order must have sold the product, and cannot take back more than it sold.
     */
    private Mono<BigDecimal> cost(String shopId, ReturnRequest r, BigDecimal average) {
        if (r.orderId() == null || r.orderId().isBlank()) {
            return Mono.just(r.unitCost() != null ? r.unitCost() : average);
        }
        return sold(shopId, r.orderId().trim(), r.productId())
                .flatMap(sold -> {
                    if (sold.quantity().signum() == 0) {
                        return Mono.error(Problems.unprocessable("not-sold", "Order " + r.orderId() + " did not sell this product"));
                    }
                    BigDecimal left = sold.quantity().subtract(sold.returned());
                    if (r.quantity().compareTo(left) > 0) {
                        return Mono.error(Problems.unprocessable("already-returned", "Order " + r.orderId() + " sold "
                                + sold.quantity().stripTrailingZeros().toPlainString() + "; only " + left.stripTrailingZeros().toPlainString()
                                + " can still come back"));
                    }
                    return Mono.just(r.unitCost() != null ? r.unitCost() : sold.unitCost());
                });
    }

    /** What an order sold of a product (and at what average cost), and how much of it came back already. */
    private Mono<Sold> sold(String shopId, String orderId, String productId) {
        return db.sql("""
                        SELECT coalesce(-sum(quantity) FILTER (WHERE movement = 'SALE'), 0) AS sold,
                               coalesce(sum(quantity) FILTER (WHERE movement = 'CUSTOMER_RETURN'), 0) AS returned,
                               CASE WHEN sum(quantity) FILTER (WHERE movement = 'SALE') <> 0
                                    THEN sum(quantity * unit_cost) FILTER (WHERE movement = 'SALE') / sum(quantity) FILTER (WHERE movement = 'SALE')
                               END AS unit_cost
                        FROM stock_ledger WHERE shop_id = :shop AND product_id = :product AND cause = :cause""")
                .bind("shop", shopId).bind("product", productId).bind("cause", "order:" + orderId)
                .map(row -> {
                    BigDecimal unitCost = row.get("unit_cost", BigDecimal.class);
                    return new Sold(row.get("sold", BigDecimal.class), row.get("returned", BigDecimal.class),
                            unitCost == null ? null : unitCost.setScale(4, java.math.RoundingMode.HALF_UP));
                })
                .one();
    }

    /**
     * A voided sale or a refund's restocked lines (order-service's {@code order.voided} / {@code order.refunded}):
     * the goods come back where the order took them from, at the cost they were sold at, with the batch they left
     * from and the serial units the sale took. Never more than the order sold and has not yet taken back, so a
     * replayed or overlapping event restocks nothing twice. Runs in the inbox transaction of the event.
     */
    public Mono<Void> restockSale(String shopId, String orderId, String locationId, Map<String, BigDecimal> lines, String actor,
                                  String reason) {
        String cause = "order:" + orderId;
        Map<String, BigDecimal> sorted = new TreeMap<>(lines);
        return saleLocation(shopId, orderId, locationId).flatMap(loc -> stock.context(shopId, actor, cause).flatMap(ctx ->
                Flux.fromIterable(sorted.entrySet())
                        .concatMap(line -> products.find(shopId, line.getKey()).flatMap(product -> moves.lock(shopId, line.getKey(), loc)
                                .flatMap(level -> sold(shopId, orderId, line.getKey()).flatMap(sold -> {
                                    BigDecimal quantity = line.getValue().min(sold.quantity().subtract(sold.returned()));
                                    if (quantity.signum() <= 0 || sold.unitCost() == null) {
                                        return Mono.<Void>empty();
                                    }
                                    return soldLot(shopId, cause, line.getKey()).defaultIfEmpty(new SoldLot(null, null))
                                            .zipWith(soldUnits(shopId, cause, line.getKey(), product.serialTracked() ? quantity.intValue() : 0))
                                            .flatMap(t -> moves.in(ctx, level, Movement.CUSTOMER_RETURN, quantity, sold.unitCost(),
                                                    t.getT1().batchNo(), t.getT1().expiryDate(), t.getT2(), StockMoves.SerialsIn.RETURNED, reason))
                                            .flatMap(moved -> events.adjusted(shopId, moved, reason, cause));
                                }))))
                        .then(lowStock.check(shopId, sorted.keySet(), ctx.today()))));
    }

    private record SoldLot(String batchNo, java.time.LocalDate expiryDate) {
    }

    /** The batch (the latest-expiring one) the order's sale of a product took its goods from. */
    private Mono<SoldLot> soldLot(String shopId, String cause, String productId) {
        return db.sql("""
                        SELECT l.batch_no, l.expiry_date FROM stock_ledger sl JOIN stock_ledger_lots ll ON ll.ledger_id = sl.id
                        JOIN stock_lots l ON l.id = ll.lot_id
                        WHERE sl.shop_id = :shop AND sl.product_id = :product AND sl.cause = :cause AND sl.movement = 'SALE'
                        ORDER BY l.expiry_date DESC NULLS LAST, l.id DESC LIMIT 1""")
                .bind("shop", shopId).bind("product", productId).bind("cause", cause)
                .map(r -> new SoldLot(r.get("batch_no", String.class), r.get("expiry_date", java.time.LocalDate.class))).one();
    }

    /** Serial units the order sold that are still out with customers. */
    private Mono<List<String>> soldUnits(String shopId, String cause, String productId, int count) {
        if (count == 0) {
            return Mono.just(List.of());
        }
        return db.sql("""
                        SELECT ls.serial FROM stock_ledger sl JOIN stock_ledger_serials ls ON ls.ledger_id = sl.id
                        JOIN serial_units u ON u.shop_id = sl.shop_id AND u.product_id = sl.product_id AND u.serial = ls.serial
                        WHERE sl.shop_id = :shop AND sl.product_id = :product AND sl.cause = :cause AND sl.movement = 'SALE'
                          AND u.status = 'SOLD'
                        ORDER BY ls.serial LIMIT :n""")
                .bind("shop", shopId).bind("product", productId).bind("cause", cause).bind("n", count)
                .map(r -> r.get("serial", String.class)).all().collectList();
    }

    /** Where the order's stock was reserved and sold from; else where the event says; else the default location. */
    private Mono<java.util.UUID> saleLocation(String shopId, String orderId, String locationId) {
        return db.sql("SELECT location_id FROM reservations WHERE shop_id = :shop AND order_id = :order")
                .bind("shop", shopId).bind("order", orderId).map(r -> r.get("location_id", java.util.UUID.class)).one()
                .switchIfEmpty(Mono.defer(() -> {
                    try {
                        return locationId == null ? locations.defaultLocation(shopId)
                                : locations.find(shopId, java.util.UUID.fromString(locationId)).switchIfEmpty(locations.defaultLocation(shopId));
                    } catch (IllegalArgumentException e) {
                        return locations.defaultLocation(shopId);
                    }
                }));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

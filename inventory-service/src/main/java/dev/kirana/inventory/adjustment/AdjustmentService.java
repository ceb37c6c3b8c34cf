package dev.kirana.inventory.adjustment;

import dev.kirana.web.audit.AuditLog;
import dev.kirana.inventory.catalogreplica.KnownProducts;
import dev.kirana.inventory.lots.LotPicker.Purpose;
import dev.kirana.inventory.lowstock.LowStockMonitor;
import dev.kirana.inventory.serial.SerialNumbers;
import dev.kirana.inventory.stock.Locations;
import dev.kirana.inventory.stock.StockEvents;
import dev.kirana.inventory.stock.StockMovement;
import dev.kirana.inventory.stock.StockMoves;
import dev.kirana.inventory.stock.StockService;
import dev.kirana.web.problem.Problems;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Adjustments with a reason (damage, loss, correction): one ledger movement and one {@code stock.adjusted}, or nothing. */
@Service
public class AdjustmentService {
    private final TransactionalOperator tx;
    private final KnownProducts products;
    private final Locations locations;
    private final StockService stock;
    private final StockMoves moves;
    private final StockEvents events;
    private final LowStockMonitor lowStock;
    private final AuditLog audit;

    public AdjustmentService(TransactionalOperator tx, KnownProducts products, Locations locations, StockService stock, StockMoves moves,
                             StockEvents events, LowStockMonitor lowStock, AuditLog audit) {
        this.audit = audit;
        this.tx = tx;
        this.products = products;
        this.locations = locations;
        this.stock = stock;
        this.moves = moves;
        this.events = events;
        this.lowStock = lowStock;
    }

    public Mono<StockMovement> adjust(String shopId, String actor, AdjustmentRequest r, String cause) {
        var quantityProblem = r.reason().problem(r.quantity());
        if (quantityProblem.isPresent()) {
            return Mono.error(Problems.invalid("quantity", quantityProblem.get()));
        }
        List<String> serials = SerialNumbers.normalize(r.serials());
        String batch = r.batchNo() == null || r.batchNo().isBlank() ? null : r.batchNo().trim();
        Mono<StockMovement> work = products.require(shopId, r.productId()).flatMap(product -> {
            var serialProblem = SerialNumbers.problem(product.serialTracked(), r.quantity().abs(), serials);
            if (serialProblem.isPresent()) {
                return Mono.error(Problems.invalid("serials", serialProblem.get()));
            }
            boolean adding = r.quantity().signum() > 0;
            if (adding && product.perishable() && r.expiryDate() == null) {
                return Mono.error(Problems.invalid("expiryDate", "is required to add stock of a perishable product"));
            }
            String reason = r.note() == null ? r.reason().name() : r.reason().name() + ": " + r.note();
            return locations.usable(shopId, r.locationId()).flatMap(loc -> stock.context(shopId, actor, cause)
                    .flatMap(ctx -> moves.lock(shopId, r.productId(), loc).flatMap(level -> adding
                                    ? moves.in(ctx, level, r.reason().movement(), r.quantity(),
                                    r.unitCost() != null ? r.unitCost() : level.averageCost(), batch, r.expiryDate(), serials,
                                    StockMoves.SerialsIn.FOUND, reason)
                                    : moves.out(ctx, level, r.reason().movement(), r.quantity().negate(), Purpose.REMOVAL, batch, serials,
                                    product.serialTracked(), false, reason))
                            .flatMap(moved -> events.adjusted(shopId, moved, reason, cause)
                                    .then(lowStock.check(shopId, List.of(r.productId()), ctx.today()))
                                    .then(Mono.defer(() -> {
                                        // damage and loss write stock off; a correction adjusts it either way
                                        BigDecimal change = moved.quantity(); // signed: negative takes stock away
                                        String action = r.reason() == AdjustmentReason.CORRECTION ? "stock.adjusted" : "stock.written-off";
                                        return audit.record(shopId, AuditLog.Entry.of(action, "stock", r.productId() + "@" + loc)
                                                .change(level(product.sku(), loc, moved.onHandAfter().subtract(change), null, null),
                                                        level(product.sku(), loc, moved.onHandAfter(), change, reason)));
                                    }))
                                    .thenReturn(StockMovement.of(moved)))));
        });
        return tx.transactional(work);
    }

    /** A stock level as an audit record shows it: on hand, and the change with its reason after an adjustment. */
    private static java.util.Map<String, Object> level(String sku, java.util.UUID location, BigDecimal onHand,
                                                       BigDecimal change, String reason) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("sku", sku);
        m.put("locationId", location.toString());
        m.put("onHand", onHand);
        if (change != null) {
            m.put("change", change);
            m.put("reason", reason);
        }
        return m;
    }
}

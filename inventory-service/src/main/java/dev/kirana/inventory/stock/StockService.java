package dev.kirana.inventory.stock;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.Topics;
import dev.kirana.inventory.catalogreplica.KnownProducts;
import dev.kirana.inventory.lowstock.LowStockMonitor;
import dev.kirana.inventory.sellable.Sellable;
import dev.kirana.inventory.serial.SerialNumbers;
import dev.kirana.inventory.settings.InventorySettings;
import dev.kirana.messaging.OutboxWriter;
import dev.kirana.web.problem.Problems;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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
    private final StockMoves moves;
    private final KnownProducts products;
    private final InventorySettings settings;
    private final LowStockMonitor lowStock;
    private final Clock clock;

    public StockService(DatabaseClient db, TransactionalOperator tx, OutboxWriter outbox, Locations locations, StockMoves moves,
                        KnownProducts products, InventorySettings settings, LowStockMonitor lowStock, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
        this.locations = locations;
        this.moves = moves;
        this.products = products;
        this.settings = settings;
        this.lowStock = lowStock;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The context of a movement by {@code actor} in {@code shopId}, under the shop's valuation method. */
    public Mono<StockMoves.Context> context(String shopId, String actor, String cause) {
        return settings.method(shopId).map(m -> new StockMoves.Context(shopId, actor, cause, m, today()));
    }

    /**
     * Goods in: a new lot at the receipt's cost (with its batch and expiry, or its serial units), the average
     * cost blends it in, the ledger records it, stock.received goes out.
     */
    public Mono<StockLevel> receive(String shopId, String actor, ReceiptRequest r, String cause) {
        List<String> serials = SerialNumbers.normalize(r.serials());
        Mono<StockLevel> work = products.requireActive(shopId, r.productId()).flatMap(product -> {
            var serialProblem = SerialNumbers.problem(product.serialTracked(), r.quantity(), serials);
            if (serialProblem.isPresent()) {
                return Mono.error(Problems.invalid("serials", serialProblem.get()));
            }
            if (product.perishable() && r.expiryDate() == null) {
                return Mono.error(Problems.invalid("expiryDate", "is required: " + product.sku() + " is perishable"));
            }
            if (r.expiryDate() != null && r.expiryDate().isBefore(today())) {
                return Mono.error(Problems.unprocessable("expired-goods", "These goods expired on " + r.expiryDate() + "; expired stock is not received"));
            }
            String batch = r.batchNo() == null || r.batchNo().isBlank() ? null : r.batchNo().trim();
            return locations.usable(shopId, r.locationId())
                    .flatMap(loc -> context(shopId, actor, cause).flatMap(ctx -> moves.lock(shopId, r.productId(), loc)
                            .flatMap(level -> moves.in(ctx, level, Movement.PURCHASE_RECEIPT, r.quantity(), r.unitCost(), batch,
                                    r.expiryDate(), serials, StockMoves.SerialsIn.NEW, r.reason()))
                            .flatMap(moved -> outbox.append(Topics.INVENTORY, EventTypes.STOCK_RECEIVED, r.productId(), shopId,
                                            new InventoryEvents.StockReceived(r.productId(), loc.toString(), r.quantity(), r.unitCost(), moved.onHandAfter(),
                                                    null, StockEvents.lotMoves(moved)))
                                    .then(lowStock.check(shopId, List.of(r.productId()), ctx.today())))
                            .then(level(shopId, r.productId(), loc))));
        });
        return tx.transactional(work);
    }

    public Mono<StockLevel> level(String shopId, String productId, UUID locationId) {
        return levels(shopId, productId, locationId).next();
    }

    public Flux<StockLevel> levels(String shopId, String productId, UUID locationId) {
        String filter = (productId == null ? "" : " AND s.product_id = :product") + (locationId == null ? "" : " AND s.location_id = :loc");
        var spec = db.sql("""
                        SELECT s.product_id, s.location_id, s.on_hand, s.reserved, s.avg_cost, """ + Sellable.EXPIRED + """
                         AS expired FROM stock_levels s WHERE s.shop_id = :shop""" + filter + " ORDER BY s.product_id, s.location_id")
                .bind("shop", shopId).bind("today", today());
        if (productId != null) {
            spec = spec.bind("product", productId);
        }
        if (locationId != null) {
            spec = spec.bind("loc", locationId);
        }
        return spec.map(StockService::level).all();
    }

    /** A product's stock history, newest first; {@code beforeId} pages back through older movements. */
    public Flux<LedgerEntry> history(String shopId, String productId, UUID locationId, LocalDate from, LocalDate to, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, product_id, location_id, movement, quantity, unit_cost, on_hand_after, value_after, reason, actor, cause, created_at
                FROM stock_ledger WHERE shop_id = :shop AND product_id = :product""");
        if (locationId != null) sql.append(" AND location_id = :loc");
        if (from != null) sql.append(" AND created_at >= :from");
        if (to != null) sql.append(" AND created_at < :to");
        if (beforeId != null) sql.append(" AND id < :before");
        sql.append(" ORDER BY id DESC LIMIT :limit");
        var spec = db.sql(sql.toString()).bind("shop", shopId).bind("product", productId).bind("limit", limit);
        if (locationId != null) spec = spec.bind("loc", locationId);
        if (from != null) spec = spec.bind("from", from.atStartOfDay(clock.getZone()).toOffsetDateTime());
        if (to != null) spec = spec.bind("to", to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
        if (beforeId != null) spec = spec.bind("before", beforeId);
        return spec.map(r -> new LedgerEntry(r.get("id", Long.class), r.get("product_id", String.class), r.get("location_id", UUID.class),
                        r.get("movement", String.class), r.get("quantity", BigDecimal.class), r.get("unit_cost", BigDecimal.class),
                        r.get("on_hand_after", BigDecimal.class), r.get("value_after", BigDecimal.class), r.get("reason", String.class),
                        r.get("actor", String.class), r.get("cause", String.class), r.get("created_at", OffsetDateTime.class).toInstant(),
                        List.of(), List.of()))
                .all().collectList()
                .flatMapMany(entries -> entries.isEmpty() ? Flux.empty() : details(entries));
    }

    private Flux<LedgerEntry> details(List<LedgerEntry> entries) {
        Long[] ids = entries.stream().map(LedgerEntry::id).toArray(Long[]::new);
        Mono<Map<Long, List<LedgerEntry.LotPart>>> lots = db.sql("""
                        SELECT ll.ledger_id, ll.lot_id, l.batch_no, l.expiry_date, ll.quantity, ll.unit_cost
                        FROM stock_ledger_lots ll JOIN stock_lots l ON l.id = ll.lot_id WHERE ll.ledger_id = ANY (:ids) ORDER BY ll.lot_id""")
                .bind("ids", ids)
                .map(r -> Map.entry(r.get("ledger_id", Long.class), new LedgerEntry.LotPart(r.get("lot_id", Long.class),
                        r.get("batch_no", String.class), r.get("expiry_date", LocalDate.class), r.get("quantity", BigDecimal.class),
                        r.get("unit_cost", BigDecimal.class))))
                .all().collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Mono<Map<Long, List<String>>> serials = db.sql("SELECT ledger_id, serial FROM stock_ledger_serials WHERE ledger_id = ANY (:ids) ORDER BY serial")
                .bind("ids", ids)
                .map(r -> Map.entry(r.get("ledger_id", Long.class), r.get("serial", String.class)))
                .all().collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return Mono.zip(lots, serials).flatMapMany(t -> Flux.fromIterable(entries).map(e -> new LedgerEntry(e.id(), e.productId(),
                e.locationId(), e.movement(), e.quantity(), e.unitCost(), e.onHandAfter(), e.valueAfter(), e.reason(), e.actor(), e.cause(),
                e.createdAt(), t.getT1().getOrDefault(e.id(), List.of()), t.getT2().getOrDefault(e.id(), List.of()))));
    }

    /**
     * Stock levels are a cache of the ledger (and of the lots, and of the serial units in stock): every
     * (product, location) where they disagree. Empty lists prove they agree for every product.
     */
    public Mono<Reconciliation> reconcile(String shopId) {
        Mono<List<Reconciliation.Mismatch>> ledger = db.sql("""
                        SELECT coalesce(s.product_id, l.product_id) AS product_id, coalesce(s.location_id, l.location_id) AS location_id,
                               coalesce(s.on_hand, 0) AS on_hand, coalesce(l.total, 0) AS total
                        FROM (SELECT product_id, location_id, on_hand FROM stock_levels WHERE shop_id = :shop) s
                        FULL JOIN (SELECT product_id, location_id, sum(quantity) AS total FROM stock_ledger WHERE shop_id = :shop
                                   GROUP BY product_id, location_id) l
                          ON s.product_id = l.product_id AND s.location_id = l.location_id
                        WHERE coalesce(s.on_hand, 0) <> coalesce(l.total, 0)""")
                .bind("shop", shopId).map(StockService::mismatch).all().collectList();
        Mono<List<Reconciliation.Disagreement>> lots = db.sql("""
                        SELECT coalesce(s.product_id, l.product_id) AS product_id, coalesce(s.location_id, l.location_id) AS location_id,
                               coalesce(s.on_hand, 0) AS on_hand, coalesce(l.total, 0) AS total
                        FROM (SELECT product_id, location_id, on_hand FROM stock_levels WHERE shop_id = :shop) s
                        FULL JOIN (SELECT product_id, location_id, sum(remaining) AS total FROM stock_lots WHERE shop_id = :shop
                                   GROUP BY product_id, location_id) l
                          ON s.product_id = l.product_id AND s.location_id = l.location_id
                        WHERE coalesce(s.on_hand, 0) <> coalesce(l.total, 0)""")
                .bind("shop", shopId).map(r -> disagreement(mismatch(r))).all().collectList();
        Mono<List<Reconciliation.Disagreement>> units = db.sql("""
                        SELECT s.product_id, s.location_id, s.on_hand,
                               (SELECT count(*) FROM serial_units u WHERE u.shop_id = s.shop_id AND u.product_id = s.product_id
                                AND u.location_id = s.location_id AND u.status = 'IN_STOCK') AS total
                        FROM stock_levels s JOIN known_products k ON k.shop_id = s.shop_id AND k.product_id = s.product_id
                        WHERE s.shop_id = :shop AND k.serial_tracked""")
                .bind("shop", shopId).map(r -> disagreement(mismatch(r))).all()
                .filter(m -> m.onHand().compareTo(m.total()) != 0).collectList();
        Mono<Long> checked = db.sql("SELECT count(*) AS n FROM stock_levels WHERE shop_id = :shop").bind("shop", shopId)
                .map(r -> r.get("n", Long.class)).one();
        return Mono.zip(ledger, lots, units, checked).map(t -> new Reconciliation(
                t.getT1().isEmpty() && t.getT2().isEmpty() && t.getT3().isEmpty(), t.getT4(), t.getT1(), t.getT2(), t.getT3()));
    }

    /**
     * @param mismatches       levels whose on hand differs from the ledger's sum
     * @param lotMismatches    levels whose on hand differs from their lots' remaining quantity
     * @param serialMismatches levels of serial-tracked products whose on hand differs from their units in stock
     */
    public record Reconciliation(boolean consistent, long levelsChecked, List<Mismatch> mismatches, List<Disagreement> lotMismatches,
                                 List<Disagreement> serialMismatches) {
        public record Mismatch(String productId, UUID locationId, BigDecimal onHand, BigDecimal ledgerTotal) {
        }

        /** On hand against the quantity in lots (or the number of serial units in stock). */
        public record Disagreement(String productId, UUID locationId, BigDecimal onHand, BigDecimal total) {
        }
    }

    private static Reconciliation.Disagreement disagreement(Reconciliation.Mismatch m) {
        return new Reconciliation.Disagreement(m.productId(), m.locationId(), m.onHand(), m.ledgerTotal());
    }

    private static Reconciliation.Mismatch mismatch(Readable r) {
        Object total = r.get("total");
        BigDecimal t = total instanceof BigDecimal b ? b : new BigDecimal(String.valueOf(total));
        return new Reconciliation.Mismatch(r.get("product_id", String.class), r.get("location_id", UUID.class),
                r.get("on_hand", BigDecimal.class), t);
    }

    static StockLevel level(Readable r) {
        BigDecimal onHand = r.get("on_hand", BigDecimal.class);
        BigDecimal reserved = r.get("reserved", BigDecimal.class);
        BigDecimal expired = r.get("expired", BigDecimal.class);
        BigDecimal available = onHand.subtract(reserved);
        return new StockLevel(r.get("product_id", String.class), r.get("location_id", UUID.class), onHand, reserved, available,
                r.get("avg_cost", BigDecimal.class), expired, Sellable.of(onHand, reserved, expired));
    }
}

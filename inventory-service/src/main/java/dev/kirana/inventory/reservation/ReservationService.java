package dev.kirana.inventory.reservation;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.InventoryEvents.CostedLine;
import dev.kirana.events.InventoryEvents.ShortLine;
import dev.kirana.events.InventoryEvents.StockLine;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.inventory.lots.LotPicker.Purpose;
import dev.kirana.inventory.lowstock.LowStockMonitor;
import dev.kirana.inventory.settings.InventorySettings;
import dev.kirana.inventory.stock.Locations;
import dev.kirana.inventory.stock.Movement;
import dev.kirana.inventory.sellable.Sellable;
import dev.kirana.inventory.stock.StockEvents;
import dev.kirana.inventory.stock.StockMoves;
import dev.kirana.inventory.stock.StockService;
import dev.kirana.inventory.valuation.ValuationMethod;
import dev.kirana.messaging.OutboxWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The inventory side of the order saga. Each method runs inside the inbox transaction of the event
 * that triggered it, so it happens once, and is also safe to replay (it checks the reservation's state).
 */
@Service
public class ReservationService {
    private final DatabaseClient db;
    private final OutboxWriter outbox;
    private final Locations locations;
    private final StockMoves moves;
    private final StockService stock;
    private final LowStockMonitor lowStock;

    public ReservationService(DatabaseClient db, OutboxWriter outbox, Locations locations, StockMoves moves, StockService stock,
                              LowStockMonitor lowStock) {
        this.db = db;
        this.outbox = outbox;
        this.locations = locations;
        this.moves = moves;
        this.stock = stock;
        this.lowStock = lowStock;
    }

    /**
     * Reserves every line of the order or none: one conditional update per product, in product-id order
     * (so concurrent orders lock rows in the same order and cannot deadlock). Expired stock is not
     * sellable, and a serial-tracked product sells in whole units. If any line is short, the lines already
     * reserved are given back in the same transaction and the order is rejected with the short lines.
     * The reservation row is written first ({@link #claim}): an order that has one already (order.placed again, under
     * another event id) changes nothing.
     */
    public Mono<Void> reserve(String shopId, OrderEvents.OrderPlaced order) {
        Map<String, BigDecimal> wanted = new TreeMap<>();
        order.lines().forEach(l -> wanted.merge(l.productId(), l.quantity(), BigDecimal::add));
        LocalDate today = stock.today();
        return location(shopId, order.locationId()).flatMap(loc -> claim(Reservation.reserved(order.orderId(), shopId, loc))
                .flatMap(claimed -> !claimed ? Mono.<Void>empty() : known(shopId, wanted.keySet()).flatMap(products -> Flux.fromIterable(wanted.entrySet())
                        .concatMap(e -> tryReserve(shopId, loc, e.getKey(), e.getValue(), today, serialTracked(products, e.getKey()))
                                .map(ok -> new Attempt(e.getKey(), e.getValue(), ok)))
                        .collectList()
                        .flatMap(attempts -> attempts.stream().allMatch(Attempt::reserved)
                                ? accept(shopId, order.orderId(), loc, attempts)
                                : reject(shopId, order.orderId(), loc, attempts, today))
                        .then(lowStock.checkRead(shopId, watched(products), today)))));
    }

    /** What a sale needs of the order's products, read once per transaction: whole units only, and the low-stock watch. */
    private record Known(String productId, boolean serialTracked, String sku, String name, BigDecimal reorderLevel) {
    }

    /** The order's products this shop knows (from catalog events), by id. */
    private Mono<Map<String, Known>> known(String shopId, java.util.Set<String> productIds) {
        return db.sql("SELECT product_id, serial_tracked, sku, name, reorder_level FROM known_products WHERE shop_id = :shop AND product_id = ANY (:ids)")
                .bind("shop", shopId).bind("ids", productIds.toArray(String[]::new))
                .map(r -> new Known(r.get("product_id", String.class), Boolean.TRUE.equals(r.get("serial_tracked", Boolean.class)),
                        r.get("sku", String.class), r.get("name", String.class), r.get("reorder_level", BigDecimal.class)))
                .all().collectMap(Known::productId);
    }

    /** Serial-tracked products sell in whole units. */
    private static boolean serialTracked(Map<String, Known> products, String productId) {
        Known k = products.get(productId);
        return k != null && k.serialTracked();
    }

    private static List<LowStockMonitor.Watched> watched(Map<String, Known> products) {
        return products.values().stream().map(k -> new LowStockMonitor.Watched(k.productId(), k.sku(), k.name(), k.reorderLevel())).toList();
    }

    /**
     * The row lock first, so that the condition below sees every committed change to the lots (they only
     * change under this lock); then one conditional update: sellable (on hand − reserved − expired) ≥ qty.
     * The update alone would not do: when it has to wait for the row, it re-checks the row's new version but still reads
     * the lots as they were when it started, so the lock is taken by a statement of its own.
     */
    private Mono<Boolean> tryReserve(String shopId, UUID loc, String productId, BigDecimal qty, LocalDate today, boolean wholeUnits) {
        if (wholeUnits && qty.stripTrailingZeros().scale() > 0) {
            return Mono.just(false);
        }
        return db.sql("SELECT 1 AS one FROM stock_levels WHERE shop_id = :shop AND product_id = :product AND location_id = :loc FOR UPDATE")
                .bind("shop", shopId).bind("product", productId).bind("loc", loc).map(r -> 1).one()
                .flatMap(locked -> db.sql("""
                                UPDATE stock_levels s SET reserved = s.reserved + :qty
                                WHERE s.shop_id = :shop AND s.product_id = :product AND s.location_id = :loc
                                  AND """ + Sellable.QUANTITY + " >= :qty")
                        .bind("qty", qty).bind("shop", shopId).bind("product", productId).bind("loc", loc).bind("today", today)
                        .fetch().rowsUpdated().map(n -> n == 1))
                .defaultIfEmpty(false);
    }

    private Mono<Void> accept(String shopId, String orderId, UUID loc, List<Attempt> attempts) {
        List<StockLine> lines = attempts.stream().map(a -> new StockLine(a.productId(), a.quantity())).toList();
        return insertLines(orderId, attempts)
                .then(outbox.append(Topics.INVENTORY, EventTypes.STOCK_RESERVED, orderId, shopId,
                        new InventoryEvents.StockReserved(orderId, loc.toString(), lines)))
                .then();
    }

    private Mono<Void> reject(String shopId, String orderId, UUID loc, List<Attempt> attempts, LocalDate today) {
        Flux<Void> giveBack = Flux.fromIterable(attempts).filter(Attempt::reserved)
                .concatMap(a -> db.sql("UPDATE stock_levels SET reserved = reserved - :qty WHERE shop_id = :shop AND product_id = :product AND location_id = :loc")
                        .bind("qty", a.quantity()).bind("shop", shopId).bind("product", a.productId()).bind("loc", loc).then());
        Mono<List<ShortLine>> shortLines = Flux.fromIterable(attempts).filter(a -> !a.reserved())
                .concatMap(a -> db.sql("""
                                SELECT greatest(""" + Sellable.QUANTITY + """
                                , 0) AS available
                                FROM stock_levels s WHERE s.shop_id = :shop AND s.product_id = :product AND s.location_id = :loc""")
                        .bind("shop", shopId).bind("product", a.productId()).bind("loc", loc).bind("today", today)
                        .map(r -> r.get("available", BigDecimal.class)).one()
                        .defaultIfEmpty(BigDecimal.ZERO)
                        .map(available -> new ShortLine(a.productId(), a.quantity(), available)))
                .collectList();
        // the reservation was claimed as RESERVED in this transaction; no one else has seen it, and it is REJECTED before anyone can
        return giveBack.then(save(Reservation.rejected(orderId, shopId, loc)))
                .then(insertLines(orderId, attempts))
                .then(shortLines)
                .flatMap(s -> outbox.append(Topics.INVENTORY, EventTypes.STOCK_RESERVATION_REJECTED, orderId, shopId,
                        new InventoryEvents.StockReservationRejected(orderId, loc.toString(), s)))
                .then();
    }

    /**
     * Claims the order for this transaction: its reservation row, or nothing when the order has one already (a replayed
     * order.placed is a no-op). A concurrent claim of the same order waits here for the first transaction to end.
     *
     * @return whether this transaction made the reservation
     */
    private Mono<Boolean> claim(Reservation r) {
        return db.sql("""
                        INSERT INTO reservations (order_id, shop_id, location_id, status) VALUES (:order, :shop, :loc, :status)
                        ON CONFLICT (order_id) DO NOTHING""")
                .bind("order", r.orderId()).bind("shop", r.shopId()).bind("loc", r.locationId()).bind("status", r.status().name())
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    /** Every line of the order in one statement. */
    private Mono<Void> insertLines(String orderId, List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        INSERT INTO reservation_lines (order_id, product_id, quantity)
                        SELECT :order, l.product_id, l.quantity FROM unnest(CAST(:products AS TEXT[]), CAST(:qtys AS NUMERIC[])) AS l (product_id, quantity)""")
                .bind("order", orderId)
                .bind("products", attempts.stream().map(Attempt::productId).toArray(String[]::new))
                .bind("qtys", attempts.stream().map(a -> a.quantity().toPlainString()).toArray(String[]::new))
                .then();
    }

    /**
     * The sale happened: reserved stock leaves the shelf from its first-expiring lots (its first-in serial
     * units), each line costed by the shop's valuation method; stock.committed carries the cost and the lots each line
     * was drawn from.
     */
    public Mono<Void> commit(String shopId, String orderId, String actor) {
        return lockReserved(shopId, orderId).flatMap(held -> {
            Reservation reservation = held.reservation();
            // in product-id order as Java sorts it, the order reserve() locked them in
            List<StockLine> lines = held.lines().stream().sorted(java.util.Comparator.comparing(StockLine::productId)).toList();
            var ctx = new StockMoves.Context(shopId, actor, "order:" + orderId, held.method(), stock.today());
            return known(shopId, lines.stream().map(StockLine::productId).collect(java.util.stream.Collectors.toSet()))
                    .flatMap(products -> Flux.fromIterable(lines)
                            .concatMap(l -> moves.lockHeld(shopId, l.productId(), reservation.locationId())
                                    .flatMap(level -> moves.out(ctx, level, Movement.SALE, l.quantity(), Purpose.SALE, null, List.of(),
                                            serialTracked(products, l.productId()), true, null))
                                    .map(moved -> new CostedLine(l.productId(), l.quantity(), moved.unitCost(), StockEvents.lotMoves(moved))))
                            .collectList()
                            .flatMap(costed -> save(reservation.commit())
                                    .then(outbox.append(Topics.INVENTORY, EventTypes.STOCK_COMMITTED, orderId, shopId,
                                            new InventoryEvents.StockCommitted(orderId, costed))))
                            .then(lowStock.checkRead(shopId, watched(products), ctx.today())));
        });
    }

    /** The order will not be sold (cancelled, timed out): its reserved stock becomes available again. */
    public Mono<Void> release(String shopId, String orderId, String reason) {
        return lockReserved(shopId, orderId).flatMap(held -> Flux.fromIterable(held.lines())
                .concatMap(l -> db.sql("UPDATE stock_levels SET reserved = reserved - :qty WHERE shop_id = :shop AND product_id = :product AND location_id = :loc")
                        .bind("qty", l.quantity()).bind("shop", shopId).bind("product", l.productId()).bind("loc", held.reservation().locationId()).then()
                        .thenReturn(l))
                .collectList()
                .flatMap(released -> save(held.reservation().release())
                        .then(outbox.append(Topics.INVENTORY, EventTypes.STOCK_RELEASED, orderId, shopId,
                                new InventoryEvents.StockReleased(orderId, reason, released)))
                        .then(lowStock.check(shopId, released.stream().map(StockLine::productId).toList(), stock.today())))
                .then());
    }

    /** A reservation as locked for a commit or release: with its lines (in product-id order) and the shop's valuation method. */
    private record Held(Reservation reservation, List<StockLine> lines, ValuationMethod method) {
    }

    /**
     * The reservation when it is still RESERVED (row-locked), else empty: commit/release of anything else is a no-op. One
     * statement reads it with its lines (they never change once written) and the shop's valuation method, read as
     * {@link InventorySettings} does (before any stock level is locked, as before); it is read in full before the caller
     * moves stock on the same connection.
     */
    private Mono<Held> lockReserved(String shopId, String orderId) {
        return db.sql("""
                        SELECT r.order_id, r.shop_id, r.location_id, r.status, l.product_id, l.quantity,
                               """ + InventorySettings.methodOf("r.shop_id") + """
                         AS valuation_method
                        FROM reservations r LEFT JOIN reservation_lines l ON l.order_id = r.order_id
                        WHERE r.order_id = :order AND r.shop_id = :shop
                        ORDER BY l.product_id
                        FOR UPDATE OF r""")
                .bind("order", orderId).bind("shop", shopId)
                .map(r -> new HeldRow(reservation(r), r.get("product_id", String.class), r.get("quantity", BigDecimal.class),
                        r.get("valuation_method", String.class)))
                .all().collectList()
                .filter(rows -> !rows.isEmpty())
                .map(rows -> new Held(rows.get(0).reservation(),
                        rows.stream().filter(row -> row.productId() != null).map(row -> new StockLine(row.productId(), row.quantity())).toList(),
                        InventorySettings.storedMethod(rows.get(0).method())))
                .filter(h -> h.reservation().status() == ReservationStatus.RESERVED);
    }

    private record HeldRow(Reservation reservation, String productId, BigDecimal quantity, String method) {
    }

    private static Reservation reservation(io.r2dbc.spi.Readable r) {
        return new Reservation(r.get("order_id", String.class), r.get("shop_id", String.class), r.get("location_id", UUID.class),
                ReservationStatus.valueOf(r.get("status", String.class)));
    }

    /** The one write of a reservation's state after it is made. */
    private Mono<Void> save(Reservation r) {
        return db.sql("UPDATE reservations SET status = :status, updated_at = now() WHERE order_id = :order")
                .bind("status", r.status().name()).bind("order", r.orderId()).then();
    }

    private Mono<UUID> location(String shopId, String requested) {
        if (requested == null || requested.isBlank()) {
            return locations.defaultLocation(shopId);
        }
        UUID id;
        try {
            id = UUID.fromString(requested);
        } catch (IllegalArgumentException e) {
            return locations.defaultLocation(shopId);
        }
        return locations.find(shopId, id).switchIfEmpty(locations.defaultLocation(shopId));
    }

    private record Attempt(String productId, BigDecimal quantity, boolean reserved) {
    }

}

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
import dev.kirana.inventory.stock.Locations;
import dev.kirana.inventory.stock.Movement;
import dev.kirana.inventory.sellable.Sellable;
import dev.kirana.inventory.stock.StockEvents;
import dev.kirana.inventory.stock.StockMoves;
import dev.kirana.inventory.stock.StockService;
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
     */
    public Mono<Void> reserve(String shopId, OrderEvents.OrderPlaced order) {
        Map<String, BigDecimal> wanted = new TreeMap<>();
        order.lines().forEach(l -> wanted.merge(l.productId(), l.quantity(), BigDecimal::add));
        LocalDate today = stock.today();
        return find(order.orderId())
                .map(existing -> true)
                .defaultIfEmpty(false)
                .flatMap(seen -> seen ? Mono.<Void>empty() : location(shopId, order.locationId()).flatMap(loc ->
                        wholeUnitsOnly(shopId, wanted.keySet()).flatMap(serialTracked -> Flux.fromIterable(wanted.entrySet())
                                .concatMap(e -> tryReserve(shopId, loc, e.getKey(), e.getValue(), today, serialTracked.contains(e.getKey()))
                                        .map(ok -> new Attempt(e.getKey(), e.getValue(), ok)))
                                .collectList()
                                .flatMap(attempts -> attempts.stream().allMatch(Attempt::reserved)
                                        ? accept(shopId, order.orderId(), loc, attempts)
                                        : reject(shopId, order.orderId(), loc, attempts, today))
                                .then(lowStock.check(shopId, wanted.keySet(), today)))));
    }

    /** The serial-tracked products among these (they sell in whole units). */
    private Mono<java.util.Set<String>> wholeUnitsOnly(String shopId, java.util.Set<String> productIds) {
        return db.sql("SELECT product_id FROM known_products WHERE shop_id = :shop AND product_id = ANY (:ids) AND serial_tracked")
                .bind("shop", shopId).bind("ids", productIds.toArray(String[]::new))
                .map(r -> r.get("product_id", String.class)).all().collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The row lock first, so that the condition below sees every committed change to the lots (they only
     * change under this lock); then one conditional update: sellable (on hand − reserved − expired) ≥ qty.
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
        return insert(Reservation.reserved(orderId, shopId, loc), attempts)
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
        return giveBack.then(insert(Reservation.rejected(orderId, shopId, loc), attempts))
                .then(shortLines)
                .flatMap(s -> outbox.append(Topics.INVENTORY, EventTypes.STOCK_RESERVATION_REJECTED, orderId, shopId,
                        new InventoryEvents.StockReservationRejected(orderId, loc.toString(), s)))
                .then();
    }

    private Mono<Void> insert(Reservation r, List<Attempt> attempts) {
        return db.sql("INSERT INTO reservations (order_id, shop_id, location_id, status) VALUES (:order, :shop, :loc, :status)")
                .bind("order", r.orderId()).bind("shop", r.shopId()).bind("loc", r.locationId()).bind("status", r.status().name()).then()
                .thenMany(Flux.fromIterable(attempts).concatMap(a -> db.sql(
                                "INSERT INTO reservation_lines (order_id, product_id, quantity) VALUES (:order, :product, :qty)")
                        .bind("order", r.orderId()).bind("product", a.productId()).bind("qty", a.quantity()).then()))
                .then();
    }

    /**
     * The sale happened: reserved stock leaves the shelf from its first-expiring lots (its first-in serial
     * units), each line costed by the shop's valuation method; stock.committed carries the cost and the lots each line
     * was drawn from.
     */
    public Mono<Void> commit(String shopId, String orderId, String actor) {
        return lockReserved(shopId, orderId).flatMap(reservation -> stock.context(shopId, actor, "order:" + orderId).flatMap(ctx ->
                lines(orderId).sort(java.util.Comparator.comparing(StockLine::productId)).collectList().flatMap(lines -> wholeUnitsOnly(shopId,
                                lines.stream().map(StockLine::productId).collect(java.util.stream.Collectors.toSet()))
                        .flatMap(serialTracked -> Flux.fromIterable(lines)
                                .concatMap(l -> moves.lock(shopId, l.productId(), reservation.locationId())
                                        .flatMap(level -> moves.out(ctx, level, Movement.SALE, l.quantity(), Purpose.SALE, null, List.of(),
                                                serialTracked.contains(l.productId()), true, null))
                                        .map(moved -> new CostedLine(l.productId(), l.quantity(), moved.unitCost(), StockEvents.lotMoves(moved))))
                                .collectList())
                        .flatMap(costed -> save(reservation.commit())
                                .then(outbox.append(Topics.INVENTORY, EventTypes.STOCK_COMMITTED, orderId, shopId,
                                        new InventoryEvents.StockCommitted(orderId, costed))))
                        .then(lowStock.check(shopId, lines.stream().map(StockLine::productId).toList(), ctx.today())))));
    }

    /** The order will not be sold (cancelled, timed out): its reserved stock becomes available again. */
    public Mono<Void> release(String shopId, String orderId, String reason) {
        return lockReserved(shopId, orderId).flatMap(reservation -> lines(orderId)
                .concatMap(l -> db.sql("UPDATE stock_levels SET reserved = reserved - :qty WHERE shop_id = :shop AND product_id = :product AND location_id = :loc")
                        .bind("qty", l.quantity()).bind("shop", shopId).bind("product", l.productId()).bind("loc", reservation.locationId()).then()
                        .thenReturn(l))
                .collectList()
                .flatMap(released -> save(reservation.release())
                        .then(outbox.append(Topics.INVENTORY, EventTypes.STOCK_RELEASED, orderId, shopId,
                                new InventoryEvents.StockReleased(orderId, reason, released)))
                        .then(lowStock.check(shopId, released.stream().map(StockLine::productId).toList(), stock.today())))
                .then());
    }

    private Mono<Reservation> find(String orderId) {
        return db.sql("SELECT order_id, shop_id, location_id, status FROM reservations WHERE order_id = :order")
                .bind("order", orderId).map(ReservationService::reservation).one();
    }

    /** The reservation when it is still RESERVED (row-locked), else empty: commit/release of anything else is a no-op. */
    private Mono<Reservation> lockReserved(String shopId, String orderId) {
        return db.sql("SELECT order_id, shop_id, location_id, status FROM reservations WHERE order_id = :order AND shop_id = :shop FOR UPDATE")
                .bind("order", orderId).bind("shop", shopId).map(ReservationService::reservation).one()
                .filter(r -> r.status() == ReservationStatus.RESERVED);
    }

    private static Reservation reservation(io.r2dbc.spi.Readable r) {
        return new Reservation(r.get("order_id", String.class), r.get("shop_id", String.class), r.get("location_id", UUID.class),
                ReservationStatus.valueOf(r.get("status", String.class)));
    }

    private Flux<StockLine> lines(String orderId) {
        return db.sql("SELECT product_id, quantity FROM reservation_lines WHERE order_id = :order ORDER BY product_id")
                .bind("order", orderId)
                .map(r -> new StockLine(r.get("product_id", String.class), r.get("quantity", BigDecimal.class))).all()
                // read in full before callers update stock on the same connection (it cannot stream and run another query)
                .collectList().flatMapIterable(rows -> rows);
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

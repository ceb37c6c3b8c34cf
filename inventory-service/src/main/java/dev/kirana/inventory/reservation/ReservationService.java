package dev.kirana.inventory.reservation;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.InventoryEvents.CostedLine;
import dev.kirana.events.InventoryEvents.ShortLine;
import dev.kirana.events.InventoryEvents.StockLine;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.inventory.stock.Locations;
import dev.kirana.inventory.stock.Movement;
import dev.kirana.inventory.stock.StockLedger;
import dev.kirana.messaging.OutboxWriter;
import java.math.BigDecimal;
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
    private final StockLedger ledger;

    public ReservationService(DatabaseClient db, OutboxWriter outbox, Locations locations, StockLedger ledger) {
        this.db = db;
        this.outbox = outbox;
        this.locations = locations;
        this.ledger = ledger;
    }

    /**
     * Reserves every line of the order or none: one conditional update per product, in product-id order
     * (so concurrent orders lock rows in the same order and cannot deadlock). If any line is short, the
     * lines already reserved are given back in the same transaction and the order is rejected with the short lines.
     */
    public Mono<Void> reserve(String shopId, OrderEvents.OrderPlaced order) {
        Map<String, BigDecimal> wanted = new TreeMap<>();
        order.lines().forEach(l -> wanted.merge(l.productId(), l.quantity(), BigDecimal::add));
        return status(order.orderId())
                .map(existing -> true)
                .defaultIfEmpty(false)
                .flatMap(seen -> seen ? Mono.<Void>empty() : location(shopId, order.locationId()).flatMap(loc ->
                        Flux.fromIterable(wanted.entrySet())
                                .concatMap(e -> tryReserve(shopId, loc, e.getKey(), e.getValue())
                                        .map(ok -> new Attempt(e.getKey(), e.getValue(), ok)))
                                .collectList()
                                .flatMap(attempts -> attempts.stream().allMatch(Attempt::reserved)
                                        ? accept(shopId, order.orderId(), loc, attempts)
                                        : reject(shopId, order.orderId(), loc, attempts))));
    }

    private Mono<Boolean> tryReserve(String shopId, UUID loc, String productId, BigDecimal qty) {
        return db.sql("""
                        UPDATE stock_levels SET reserved = reserved + :qty
                        WHERE shop_id = :shop AND product_id = :product AND location_id = :loc AND on_hand - reserved >= :qty""")
                .bind("qty", qty).bind("shop", shopId).bind("product", productId).bind("loc", loc)
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    private Mono<Void> accept(String shopId, String orderId, UUID loc, List<Attempt> attempts) {
        List<StockLine> lines = attempts.stream().map(a -> new StockLine(a.productId(), a.quantity())).toList();
        return insertReservation(shopId, orderId, loc, "RESERVED", attempts)
                .then(outbox.append(Topics.INVENTORY, EventTypes.STOCK_RESERVED, orderId, shopId,
                        new InventoryEvents.StockReserved(orderId, loc.toString(), lines)))
                .then();
    }

    private Mono<Void> reject(String shopId, String orderId, UUID loc, List<Attempt> attempts) {
        Flux<Void> giveBack = Flux.fromIterable(attempts).filter(Attempt::reserved)
                .concatMap(a -> db.sql("UPDATE stock_levels SET reserved = reserved - :qty WHERE shop_id = :shop AND product_id = :product AND location_id = :loc")
                        .bind("qty", a.quantity()).bind("shop", shopId).bind("product", a.productId()).bind("loc", loc).then());
        Mono<List<ShortLine>> shortLines = Flux.fromIterable(attempts).filter(a -> !a.reserved())
                .concatMap(a -> db.sql("SELECT on_hand - reserved AS available FROM stock_levels WHERE shop_id = :shop AND product_id = :product AND location_id = :loc")
                        .bind("shop", shopId).bind("product", a.productId()).bind("loc", loc)
                        .map(r -> r.get("available", BigDecimal.class)).one()
                        .defaultIfEmpty(BigDecimal.ZERO)
                        .map(available -> new ShortLine(a.productId(), a.quantity(), available)))
                .collectList();
        return giveBack.then(insertReservation(shopId, orderId, loc, "REJECTED", attempts))
                .then(shortLines)
                .flatMap(s -> outbox.append(Topics.INVENTORY, EventTypes.STOCK_RESERVATION_REJECTED, orderId, shopId,
                        new InventoryEvents.StockReservationRejected(orderId, loc.toString(), s)))
                .then();
    }

    private Mono<Void> insertReservation(String shopId, String orderId, UUID loc, String status, List<Attempt> attempts) {
        return db.sql("INSERT INTO reservations (order_id, shop_id, location_id, status) VALUES (:order, :shop, :loc, :status)")
                .bind("order", orderId).bind("shop", shopId).bind("loc", loc).bind("status", status).then()
                .thenMany(Flux.fromIterable(attempts).concatMap(a -> db.sql(
                                "INSERT INTO reservation_lines (order_id, product_id, quantity) VALUES (:order, :product, :qty)")
                        .bind("order", orderId).bind("product", a.productId()).bind("qty", a.quantity()).then()))
                .then();
    }

    /** The sale happened: reserved stock leaves the shelf, each line costed at the moving average, stock.committed goes out. */
    public Mono<Void> commit(String shopId, String orderId, String actor) {
        return lockReserved(shopId, orderId).flatMap(loc -> lines(orderId)
                .concatMap(l -> db.sql("""
                                UPDATE stock_levels SET on_hand = on_hand - :qty, reserved = reserved - :qty
                                WHERE shop_id = :shop AND product_id = :product AND location_id = :loc
                                RETURNING on_hand, avg_cost""")
                        .bind("qty", l.quantity()).bind("shop", shopId).bind("product", l.productId()).bind("loc", loc)
                        .map(r -> new After(r.get("on_hand", BigDecimal.class), r.get("avg_cost", BigDecimal.class)))
                        .one()
                        .flatMap(after -> ledger.record(shopId, l.productId(), loc, Movement.SALE, l.quantity().negate(),
                                        after.averageCost(), after.onHand(), after.averageCost(), null, actor, "order:" + orderId)
                                .thenReturn(new CostedLine(l.productId(), l.quantity(), after.averageCost()))))
                .collectList()
                .flatMap(costed -> setStatus(orderId, "COMMITTED")
                        .then(outbox.append(Topics.INVENTORY, EventTypes.STOCK_COMMITTED, orderId, shopId,
                                new InventoryEvents.StockCommitted(orderId, costed))))
                .then());
    }

    /** The order will not be sold (cancelled, timed out): its reserved stock becomes available again. */
    public Mono<Void> release(String shopId, String orderId, String reason) {
        return lockReserved(shopId, orderId).flatMap(loc -> lines(orderId)
                .concatMap(l -> db.sql("UPDATE stock_levels SET reserved = reserved - :qty WHERE shop_id = :shop AND product_id = :product AND location_id = :loc")
                        .bind("qty", l.quantity()).bind("shop", shopId).bind("product", l.productId()).bind("loc", loc).then()
                        .thenReturn(l))
                .collectList()
                .flatMap(released -> setStatus(orderId, "RELEASED")
                        .then(outbox.append(Topics.INVENTORY, EventTypes.STOCK_RELEASED, orderId, shopId,
                                new InventoryEvents.StockReleased(orderId, reason, released))))
                .then());
    }

    private Mono<String> status(String orderId) {
        return db.sql("SELECT status FROM reservations WHERE order_id = :order")
                .bind("order", orderId).map(r -> r.get("status", String.class)).one();
    }

    /** The reservation's location when it is still RESERVED (row-locked), else empty: commit/release of anything else is a no-op. */
    private Mono<UUID> lockReserved(String shopId, String orderId) {
        return db.sql("SELECT location_id FROM reservations WHERE order_id = :order AND shop_id = :shop AND status = 'RESERVED' FOR UPDATE")
                .bind("order", orderId).bind("shop", shopId).map(r -> r.get("location_id", UUID.class)).one();
    }

    private Flux<StockLine> lines(String orderId) {
        return db.sql("SELECT product_id, quantity FROM reservation_lines WHERE order_id = :order ORDER BY product_id")
                .bind("order", orderId)
                .map(r -> new StockLine(r.get("product_id", String.class), r.get("quantity", BigDecimal.class))).all();
    }

    private Mono<Void> setStatus(String orderId, String status) {
        return db.sql("UPDATE reservations SET status = :status, updated_at = now() WHERE order_id = :order")
                .bind("status", status).bind("order", orderId).then();
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

    private record After(BigDecimal onHand, BigDecimal averageCost) {
    }
}

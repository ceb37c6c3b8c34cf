package dev.kirana.order.order;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import dev.kirana.order.catalogreplica.CatalogReplica;
import dev.kirana.order.catalogreplica.ReplicaProduct;
import dev.kirana.web.problem.Problems;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Service
public class OrderService {
    static final String SOURCE_CURRENCY = "INR";
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final OutboxWriter outbox;
    private final CatalogReplica catalog;
    private final OrderProperties props;
    private final OrderStatusWatch watch;

    public OrderService(DatabaseClient db, TransactionalOperator tx, OutboxWriter outbox, CatalogReplica catalog,
                        OrderProperties props, OrderStatusWatch watch) {
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
        this.catalog = catalog;
        this.props = props;
        this.watch = watch;
    }

    /**
     * Prices the lines from the local catalog replica and writes the PENDING order, its lines and
     * {@code order.placed} in one transaction. Inventory answers through events.
     * Runs inside the caller's transaction when there is one (the idempotency key's).
     */
    public Mono<OrderView> place(String shopId, String cashierId, PlaceOrderRequest request) {
        return Flux.fromIterable(request.lines()).index()
                .concatMap(t -> resolve(shopId, t.getT1().intValue(), t.getT2()))
                .collectList()
                .flatMap(lines -> {
                    UUID id = UUID.randomUUID();
                    Instant placedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    Instant deadline = placedAt.plus(props.reservationTimeout());
                    BigDecimal total = lines.stream().map(OrderView.Line::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
                    OrderView order = new OrderView(id, OrderStatus.PENDING, cashierId, SOURCE_CURRENCY, total, null,
                            placedAt, deadline, placedAt, lines);
                    return insert(shopId, order, request.locationId())
                            .then(outbox.append(Topics.ORDER, EventTypes.ORDER_PLACED, id.toString(), shopId,
                                    new OrderEvents.OrderPlaced(id.toString(), cashierId, request.locationId(), SOURCE_CURRENCY,
                                            eventLines(lines), total, placedAt, deadline)))
                            .thenReturn(order);
                });
    }

    private Mono<OrderView.Line> resolve(String shopId, int index, PlaceOrderRequest.Line line) {
        String field = "lines[" + index + "]";
        Mono<ReplicaProduct> product;
        if (line.productId() != null && !line.productId().isBlank()) {
            product = catalog.byId(shopId, line.productId())
                    .switchIfEmpty(Mono.error(() -> Problems.invalid(field + ".productId", "no such product in this shop")));
        } else if (line.barcode() != null && !line.barcode().isBlank()) {
            product = catalog.byBarcode(shopId, line.barcode())
                    .switchIfEmpty(Mono.error(() -> Problems.invalid(field + ".barcode", "no product with this barcode in this shop")));
        } else {
            return Mono.error(Problems.invalid(field, "give a productId or a barcode"));
        }
        return product.flatMap(p -> p.active()
                ? Mono.just(new OrderView.Line(index + 1, p.productId(), p.sku(), p.name(), line.quantity(), p.sellingPrice(),
                Pricing.lineTotal(p.sellingPrice(), line.quantity())))
                : Mono.error(Problems.invalid(field, "product " + p.sku() + " is archived and cannot be sold")));
    }

    private Mono<Void> insert(String shopId, OrderView o, String locationId) {
        var spec = db.sql("""
                        INSERT INTO orders (id, shop_id, status, cashier_id, location_id, currency, total, placed_at, deadline, updated_at)
                        VALUES (:id, :shop, 'PENDING', :cashier, :loc, :currency, :total, :placed, :deadline, :placed)""")
                .bind("id", o.id()).bind("shop", shopId).bind("cashier", o.cashierId()).bind("currency", o.currency())
                .bind("total", o.total()).bind("placed", utc(o.placedAt())).bind("deadline", utc(o.deadline()));
        spec = locationId == null ? spec.bindNull("loc", String.class) : spec.bind("loc", locationId);
        return spec.then().thenMany(Flux.fromIterable(o.lines()).concatMap(l -> db.sql("""
                                INSERT INTO order_lines (order_id, line_no, product_id, sku, name, quantity, unit_price, line_total)
                                VALUES (:order, :no, :product, :sku, :name, :qty, :price, :total)""")
                        .bind("order", o.id()).bind("no", l.lineNo()).bind("product", l.productId()).bind("sku", l.sku())
                        .bind("name", l.name()).bind("qty", l.quantity()).bind("price", l.unitPrice()).bind("total", l.lineTotal())
                        .then()))
                .then();
    }

    public Mono<OrderView> get(String shopId, UUID id) {
        return db.sql("SELECT id, status, cashier_id, currency, total, reason, placed_at, deadline, updated_at FROM orders WHERE shop_id = :shop AND id = :id")
                .bind("shop", shopId).bind("id", id)
                .map(OrderService::header).one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No order " + id + " in this shop")))
                .flatMap(h -> lines(id).collectList().map(h::withLines));
    }

    public Flux<OrderView> list(String shopId, OrderStatus status, int page, int size) {
        String filter = status == null ? "" : " AND status = :status";
        var spec = db.sql("SELECT id, status, cashier_id, currency, total, reason, placed_at, deadline, updated_at FROM orders WHERE shop_id = :shop"
                        + filter + " ORDER BY placed_at DESC, id LIMIT :limit OFFSET :offset")
                .bind("shop", shopId).bind("limit", size).bind("offset", (long) page * size);
        if (status != null) {
            spec = spec.bind("status", status.name());
        }
        return spec.map(OrderService::header).all().concatMap(h -> lines(h.id()).collectList().map(h::withLines));
    }

    /** Waits up to {@code wait} for the order to reach a final state, then returns it as it is. */
    public Mono<OrderView> awaitFinal(String shopId, UUID id, java.time.Duration wait) {
        java.time.Duration capped = wait.compareTo(props.maxWait()) > 0 ? props.maxWait() : wait;
        return watch.awaitFinal(id, capped, () -> status(shopId, id)).then(get(shopId, id));
    }

    private Mono<OrderStatus> status(String shopId, UUID id) {
        return db.sql("SELECT status FROM orders WHERE shop_id = :shop AND id = :id").bind("shop", shopId).bind("id", id)
                .map(r -> OrderStatus.valueOf(r.get("status", String.class))).one();
    }

    // ---- saga steps: each runs in the inbox transaction of the event that caused it ----

    /** Stock is held: PENDING → CONFIRMED and {@code order.confirmed}. A reservation for an order no longer pending changes nothing. */
    public Mono<Void> confirm(String shopId, UUID id) {
        return transition(shopId, id, OrderStatus.CONFIRMED, null)
                .flatMap(order -> outbox.append(Topics.ORDER, EventTypes.ORDER_CONFIRMED, id.toString(), shopId,
                        new OrderEvents.OrderConfirmed(id.toString(), order.cashierId(), order.currency(),
                                eventLines(order.lines()), order.total(), order.updatedAt())))
                .then();
    }

    /** Stock is short: PENDING → REJECTED and {@code order.rejected} with the short lines. */
    public Mono<Void> reject(String shopId, UUID id, List<InventoryEvents.ShortLine> shortLines) {
        String reason = "insufficient stock";
        return transition(shopId, id, OrderStatus.REJECTED, reason)
                .flatMap(order -> outbox.append(Topics.ORDER, EventTypes.ORDER_REJECTED, id.toString(), shopId,
                        new OrderEvents.OrderRejected(id.toString(), reason, shortLines)))
                .then();
    }

    /**
     * Cancels PENDING orders past their deadline, a batch at a time; {@code order.cancelled} makes
     * inventory release whatever it reserved (it sees the cancel after the placement: same key, same partition).
     */
    public Mono<Integer> cancelOverdue(int batch) {
        Mono<List<UUID>> work = db.sql("""
                        UPDATE orders SET status = 'CANCELLED', reason = 'reservation timed out', updated_at = now()
                        WHERE id IN (SELECT id FROM orders WHERE status = 'PENDING' AND deadline < now()
                                     ORDER BY deadline LIMIT :batch FOR UPDATE SKIP LOCKED)
                        RETURNING id, shop_id""")
                .bind("batch", batch)
                .map(r -> new Object[]{r.get("id", UUID.class), r.get("shop_id", String.class)})
                .all()
                .concatMap(row -> outbox.append(Topics.ORDER, EventTypes.ORDER_CANCELLED, row[0].toString(), (String) row[1],
                                new OrderEvents.OrderCancelled(row[0].toString(), "reservation timed out"))
                        .thenReturn((UUID) row[0]))
                .collectList();
        // waiters are told after commit, so what they read is final
        return tx.transactional(work).doOnNext(ids -> ids.forEach(watch::changed)).map(List::size);
    }

    private Mono<OrderView> transition(String shopId, UUID id, OrderStatus next, String reason) {
        return db.sql("SELECT id, status, cashier_id, currency, total, reason, placed_at, deadline, updated_at FROM orders WHERE shop_id = :shop AND id = :id FOR UPDATE")
                .bind("shop", shopId).bind("id", id)
                .map(OrderService::header).one()
                .filter(o -> o.status().canMoveTo(next))
                .flatMap(o -> {
                    OrderStatus moved = o.status().moveTo(next);
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    var spec = db.sql("UPDATE orders SET status = :status, reason = :reason, updated_at = :now WHERE id = :id")
                            .bind("status", moved.name()).bind("now", utc(now)).bind("id", id);
                    spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
                    return spec.then().then(lines(id).collectList())
                            .map(lines -> new OrderView(o.id(), moved, o.cashierId(), o.currency(), o.total(), reason,
                                    o.placedAt(), o.deadline(), now, lines));
                });
    }

    private Flux<OrderView.Line> lines(UUID orderId) {
        return db.sql("SELECT line_no, product_id, sku, name, quantity, unit_price, line_total FROM order_lines WHERE order_id = :id ORDER BY line_no")
                .bind("id", orderId)
                .map(r -> new OrderView.Line(r.get("line_no", Integer.class), r.get("product_id", String.class), r.get("sku", String.class),
                        r.get("name", String.class), r.get("quantity", BigDecimal.class), r.get("unit_price", BigDecimal.class),
                        r.get("line_total", BigDecimal.class)))
                .all();
    }

    private static List<OrderEvents.OrderLine> eventLines(List<OrderView.Line> lines) {
        List<OrderEvents.OrderLine> out = new ArrayList<>(lines.size());
        for (OrderView.Line l : lines) {
            out.add(new OrderEvents.OrderLine(l.productId(), l.sku(), l.name(), l.quantity(), l.unitPrice(), l.lineTotal()));
        }
        return out;
    }

    private static Header header(Readable r) {
        return new Header(r.get("id", UUID.class), OrderStatus.valueOf(r.get("status", String.class)), r.get("cashier_id", String.class),
                r.get("currency", String.class), r.get("total", BigDecimal.class), r.get("reason", String.class),
                r.get("placed_at", OffsetDateTime.class).toInstant(), r.get("deadline", OffsetDateTime.class).toInstant(),
                r.get("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private record Header(UUID id, OrderStatus status, String cashierId, String currency, BigDecimal total, String reason,
                          Instant placedAt, Instant deadline, Instant updatedAt) {
        OrderView withLines(List<OrderView.Line> lines) {
            return new OrderView(id, status, cashierId, currency, total, reason, placedAt, deadline, updatedAt, lines);
        }
    }
}

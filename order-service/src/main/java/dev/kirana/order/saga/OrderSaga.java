package dev.kirana.order.saga;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.order.gst.FinancialYear;
import dev.kirana.order.loyalty.LoyaltyPoints;
import dev.kirana.order.order.Order;
import dev.kirana.order.order.OrderRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The order saga, orchestrated here, step by step:
 * <ol>
 * <li><b>place</b> (at the counter, {@code OrderService.place}): the order is PENDING and {@code order.placed} asks
 *     inventory to reserve every line or none;</li>
 * <li><b>stock reserved → confirm</b>: the sale takes the next invoice number of its shop's series and financial year
 *     (here, not at placement, so rejected and timed-out orders leave no gap), the customer earns points, and
 *     {@code order.confirmed} lets inventory commit the stock and accounting book the sale;</li>
 * <li><b>stock rejected → reject</b>: compensation — the loyalty points the sale held are given back;
 *     {@code order.rejected} names the short lines;</li>
 * <li><b>deadline passed → cancel</b>: compensations — held points are given back, and {@code order.cancelled}
 *     makes inventory release a reservation that comes (or came) late: it reads the cancel after the placement,
 *     same key, same partition.</li>
 * </ol>
 * An answer for an order that is no longer PENDING changes nothing, so replays and late answers are harmless.
 * Steps 2 and 3 run in the inbox transaction of the inventory event; the sweep of step 4 runs in its own.
 * The saga does no I/O itself: {@link Steps} does, so that a test can run it with none.
 */
public final class OrderSaga {
    static final String TIMED_OUT = "reservation timed out";
    static final String SHORT = "insufficient stock";

    private final Steps steps;
    private final ZoneId shopZone;

    public OrderSaga(Steps steps, ZoneId shopZone) {
        this.steps = steps;
        this.shopZone = shopZone;
    }

    /** What the saga's steps read and write. */
    public interface Steps {
        /** The order, locked for the transaction; empty when the shop has no such order. */
        Mono<Order> lock(String shopId, UUID orderId);

        /** PENDING orders past their deadline, locked (those another transaction holds are skipped). */
        Flux<OrderRepository.InShop> lockOverdue(int batch);

        Mono<Terms> terms(String shopId);

        /** The next invoice number; its series row stays locked until the transaction ends, so it is taken last. */
        Mono<String> nextInvoiceNumber(String shopId, String prefix, FinancialYear year);

        Mono<Void> save(String shopId, Order order);

        Mono<Void> earnPoints(String shopId, String phone, long points, UUID orderId);

        Mono<Void> returnHeldPoints(String shopId, String phone, long points, UUID orderId);

        Mono<Void> publish(String shopId, UUID orderId, String type, Object event);

        <T> Mono<T> inTransaction(Mono<T> work);

        /** After commit: whoever waits on the order reads its new state. */
        void changed(UUID orderId);

        Instant now();
    }

    /** The shop's terms a confirmation needs. */
    public record Terms(String invoicePrefix, int fyStartMonth, BigDecimal pointsPer100, BigDecimal pointValue) {
    }

    /** Step 2: stock is held for the order. */
    public Mono<Void> stockReserved(String shopId, UUID orderId) {
        return steps.lock(shopId, orderId).filter(Order::isPending).flatMap(order -> steps.terms(shopId).flatMap(terms -> {
            Instant now = steps.now();
            LocalDate day = now.atZone(shopZone).toLocalDate();
            String phone = order.customerPhone();
            long earned = phone == null ? 0 : LoyaltyPoints.earnedOn(order.paidOtherThanPoints(), terms.pointsPer100());
            return (earned > 0 ? steps.earnPoints(shopId, phone, earned, orderId) : Mono.<Void>empty())
                    .then(steps.nextInvoiceNumber(shopId, terms.invoicePrefix(), FinancialYear.of(day, terms.fyStartMonth())))
                    .flatMap(number -> {
                        var confirmed = order.confirm(number, day, now, earned, terms.pointValue());
                        return steps.save(shopId, order).then(steps.publish(shopId, orderId, EventTypes.ORDER_CONFIRMED, confirmed));
                    });
        }));
    }

    /** Step 3: some line was short, nothing is held. */
    public Mono<Void> stockRejected(String shopId, UUID orderId, List<InventoryEvents.ShortLine> shortLines) {
        return steps.lock(shopId, orderId).filter(Order::isPending).flatMap(order -> {
            var rejected = order.reject(SHORT, shortLines, steps.now());
            return returnHeldPoints(shopId, order)
                    .then(steps.save(shopId, order))
                    .then(steps.publish(shopId, orderId, EventTypes.ORDER_REJECTED, rejected));
        });
    }

    /** Step 4: up to {@code batch} orders inventory did not answer in time are cancelled; returns how many. */
    public Mono<Integer> cancelOverdue(int batch) {
        Mono<List<UUID>> work = steps.lockOverdue(batch)
                .concatMap(o -> {
                    Order order = o.order();
                    var cancelled = order.cancel(TIMED_OUT, null, steps.now());
                    return returnHeldPoints(o.shopId(), order)
                            .then(steps.save(o.shopId(), order))
                            .then(steps.publish(o.shopId(), order.id(), EventTypes.ORDER_CANCELLED, cancelled))
                            .thenReturn(order.id());
                })
                .collectList();
        // waiters are told after commit, so what they read is final
        return steps.inTransaction(work).doOnNext(ids -> ids.forEach(steps::changed)).map(List::size);
    }

    /** The compensation of a sale that will not happen: points it held as a tender go back to the customer. */
    private Mono<Void> returnHeldPoints(String shopId, Order order) {
        return order.pointsHeld() > 0 && order.customerPhone() != null
                ? steps.returnHeldPoints(shopId, order.customerPhone(), order.pointsHeld(), order.id()) : Mono.empty();
    }
}

package dev.kirana.inventory.reservation;

import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.inventory.returns.ReturnService;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Order events drive stock: placed → reserve, confirmed → commit, cancelled → release; a voided sale
 * restocks every line and a refund restocks the lines marked RESTOCK (written-off lines stay out).
 */
@Component
public class OrderEventsListener {
    static final String CONSUMER = "inventory-service.orders";
    private final InboxProcessor inbox;
    private final Map<String, EventHandler> handlers;

    public OrderEventsListener(InboxProcessor inbox, ReservationService reservations, ReturnService returns) {
        this.inbox = inbox;
        this.handlers = Map.of(
                EventTypes.ORDER_PLACED, e -> reservations.reserve(KiranaEvents.shopId(e), KiranaEvents.data(e, OrderEvents.OrderPlaced.class)),
                EventTypes.ORDER_CONFIRMED, e -> reservations.commit(KiranaEvents.shopId(e), e.getSubject(),
                        "order-service"),
                EventTypes.ORDER_CANCELLED, e -> reservations.release(KiranaEvents.shopId(e), e.getSubject(),
                        KiranaEvents.data(e, OrderEvents.OrderCancelled.class).reason()),
                EventTypes.ORDER_VOIDED, e -> {
                    var voided = KiranaEvents.data(e, OrderEvents.OrderVoided.class);
                    Map<String, BigDecimal> lines = new HashMap<>();
                    voided.lines().forEach(l -> lines.merge(l.productId(), l.quantity(), BigDecimal::add));
                    return returns.restockSale(KiranaEvents.shopId(e), voided.orderId(), voided.locationId(), lines,
                            by(voided.voidedBy()), "sale voided" + (voided.reason() == null ? "" : ": " + voided.reason()));
                },
                EventTypes.ORDER_REFUNDED, e -> {
                    var refunded = KiranaEvents.data(e, OrderEvents.OrderRefunded.class);
                    Map<String, BigDecimal> lines = new HashMap<>();
                    refunded.lines().stream().filter(l -> !"WRITE_OFF".equals(l.disposition()))
                            .forEach(l -> lines.merge(l.productId(), l.quantity(), BigDecimal::add));
                    return returns.restockSale(KiranaEvents.shopId(e), refunded.orderId(), refunded.locationId(), lines,
                            by(refunded.refundedBy()), "refund " + refunded.creditNoteNumber()
                                    + (refunded.reason() == null ? "" : ": " + refunded.reason()));
                });
    }

    private static String by(String user) {
        return user == null || user.isBlank() ? "order-service" : user;
    }

    /**
     * One consumer per partition of the order topic; a poll's records in one inbox transaction, in offset order per
     * partition (records of one order stay in order: they share its key). A batch that meets a row lock held by
     * another (two batches locking the same products in different orders) is handled record by record instead
     * ({@link InboxProcessor#handleContendedBatch}, {@code kirana.messaging.batch-lock-timeout}).
     */
    @KafkaListener(topics = Topics.ORDER, batch = "true", concurrency = "${kirana.inventory.reservation-concurrency:3}")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.handleContendedBatch(CONSUMER, records, handlers);
    }
}

package dev.kirana.order.saga;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import dev.kirana.order.order.OrderStatusWatch;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Inventory's answers move the {@link OrderSaga} on: reserved → confirm, rejected → reject. */
@Component
public class InventoryEventsListener {
    static final String CONSUMER = "order-service.inventory";
    private final InboxProcessor inbox;
    private final OrderStatusWatch watch;
    private final Map<String, EventHandler> handlers;

    public InventoryEventsListener(InboxProcessor inbox, OrderSaga saga, OrderStatusWatch watch) {
        this.inbox = inbox;
        this.watch = watch;
        this.handlers = Map.of(
                EventTypes.STOCK_RESERVED, e -> saga.stockReserved(KiranaEvents.shopId(e), UUID.fromString(e.getSubject())),
                EventTypes.STOCK_RESERVATION_REJECTED, e -> saga.stockRejected(KiranaEvents.shopId(e), UUID.fromString(e.getSubject()),
                        KiranaEvents.data(e, InventoryEvents.StockReservationRejected.class).shortLines()));
    }

    /**
     * A poll's records in one inbox transaction (in offset order per partition: one order's answers stay in order,
     * they share its key); a failing record is found and retried by itself ({@link InboxProcessor#handleContendedBatch}).
     */
    @KafkaListener(topics = Topics.INVENTORY, batch = "true", concurrency = "${kirana.orders.saga-concurrency:3}")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        try {
            inbox.handleContendedBatch(CONSUMER, records, handlers);
        } finally {
            // committed by now (all of them, or those before the one that failed): anyone waiting reads the new state
            for (ConsumerRecord<String, byte[]> record : records) {
                changed(record.key());
            }
        }
    }

    private void changed(String key) {
        if (key != null) {
            try {
                watch.changed(UUID.fromString(key));
            } catch (IllegalArgumentException ignored) {
                // keyed by product (stock.received and the like), not by order
            }
        }
    }
}

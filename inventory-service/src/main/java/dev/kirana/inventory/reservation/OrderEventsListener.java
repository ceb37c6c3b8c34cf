package dev.kirana.inventory.reservation;

import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Order events drive reservations: placed → reserve, confirmed → commit, cancelled → release. */
@Component
public class OrderEventsListener {
    static final String CONSUMER = "inventory-service.orders";
    private final InboxProcessor inbox;
    private final Map<String, EventHandler> handlers;

    public OrderEventsListener(InboxProcessor inbox, ReservationService reservations) {
        this.inbox = inbox;
        this.handlers = Map.of(
                EventTypes.ORDER_PLACED, e -> reservations.reserve(KiranaEvents.shopId(e), KiranaEvents.data(e, OrderEvents.OrderPlaced.class)),
                EventTypes.ORDER_CONFIRMED, e -> reservations.commit(KiranaEvents.shopId(e), e.getSubject(),
                        "order-service"),
                EventTypes.ORDER_CANCELLED, e -> reservations.release(KiranaEvents.shopId(e), e.getSubject(),
                        KiranaEvents.data(e, OrderEvents.OrderCancelled.class).reason()));
    }

    @KafkaListener(topics = Topics.ORDER)
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle(CONSUMER, record, handlers);
    }
}

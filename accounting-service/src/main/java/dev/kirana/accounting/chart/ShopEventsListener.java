package dev.kirana.accounting.chart;

import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A new shop gets its books: the standard chart of accounts. */
@Component
public class ShopEventsListener {
    private final InboxProcessor inbox;
    private final Map<String, EventHandler> handlers;

    public ShopEventsListener(InboxProcessor inbox, Chart chart) {
        this.inbox = inbox;
        this.handlers = Map.of(EventTypes.SHOP_CREATED, e -> chart.ensure(KiranaEvents.shopId(e)));
    }

    @KafkaListener(topics = Topics.SHOP)
    public void onShop(ConsumerRecord<String, byte[]> record) {
        inbox.handle("accounting-service.shops", record, handlers);
    }
}

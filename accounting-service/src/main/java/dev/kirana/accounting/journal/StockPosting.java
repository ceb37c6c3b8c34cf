package dev.kirana.accounting.journal;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.BackgroundConsumer;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import io.cloudevents.CloudEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Posts the stock movements that change the value of stock (receipts without a purchase bill, adjustments, counts,
 * returns; see {@link StockEntries}). Its own consumer group reads the inventory topic beside the sales postings, so
 * the cost of sales and the stock value are posted independently, each event once (inbox, one entry per event).
 */
@Component
public class StockPosting {
    private final InboxProcessor inbox;
    private final Journal journal;
    private final Map<String, EventHandler> handlers;

    public StockPosting(InboxProcessor inbox, Journal journal) {
        this.inbox = inbox;
        this.journal = journal;
        this.handlers = Map.of(EventTypes.STOCK_RECEIVED, this::received, EventTypes.STOCK_ADJUSTED, this::adjusted);
    }

    @KafkaListener(topics = Topics.INVENTORY, groupId = "accounting-service.stock-value", batch = "true",
            properties = {BackgroundConsumer.FETCH_MIN_BYTES, BackgroundConsumer.FETCH_MAX_WAIT})
    public void onStock(List<ConsumerRecord<String, byte[]>> records) {
        inbox.handleBatch("accounting-service.stock-value", records, handlers);
    }

    private Mono<Void> received(CloudEvent e) {
        return journal.post(KiranaEvents.shopId(e), StockEntries.received(e.getId(),
                KiranaEvents.data(e, InventoryEvents.StockReceived.class), date(e)));
    }

    private Mono<Void> adjusted(CloudEvent e) {
        return journal.post(KiranaEvents.shopId(e), StockEntries.adjusted(e.getId(),
                KiranaEvents.data(e, InventoryEvents.StockAdjusted.class), date(e)));
    }

    private static LocalDate date(CloudEvent e) {
        return e.getTime() == null ? LocalDate.now(SalesPosting.SHOP_ZONE) : e.getTime().atZoneSameInstant(SalesPosting.SHOP_ZONE).toLocalDate();
    }
}

package dev.kirana.inventory.purchase;

import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Suppliers' bills recorded in accounting bring their goods into stock; their debit notes take them out. */
@Component
public class PurchaseEventsListener {
    static final String CONSUMER = "inventory-service.purchases";
    private final InboxProcessor inbox;
    private final Map<String, EventHandler> handlers;

    public PurchaseEventsListener(InboxProcessor inbox, PurchaseStock purchases) {
        this.inbox = inbox;
        this.handlers = Map.of(
                EventTypes.PURCHASE_BILLED, e -> purchases.billed(KiranaEvents.shopId(e), KiranaEvents.data(e, AccountingEvents.PurchaseBilled.class)),
                EventTypes.PURCHASE_RETURNED, e -> purchases.returned(KiranaEvents.shopId(e),
                        KiranaEvents.data(e, AccountingEvents.PurchaseReturned.class)));
    }

    @KafkaListener(topics = Topics.ACCOUNTING)
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle(CONSUMER, record, handlers);
    }
}

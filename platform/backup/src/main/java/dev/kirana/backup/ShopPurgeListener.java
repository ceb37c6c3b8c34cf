package dev.kirana.backup;

import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * A data-holding service's part of a shop's purge: on {@code kirana.shop.purged.v1} it deletes the shop's rows here
 * ({@link ShopPurge}) in the inbox transaction, so a redelivered event deletes nothing twice and a failed purge is
 * retried (then dead-lettered) with nothing half-deleted. Each service consumes in its own group,
 * {@code <service>.shop-purge}.
 */
public class ShopPurgeListener {
    private final InboxProcessor inbox;
    private final String consumer;
    private final Map<String, EventHandler> handlers;

    public ShopPurgeListener(InboxProcessor inbox, ShopPurge purge, String service) {
        this.inbox = inbox;
        this.consumer = service + ".shop-purge";
        this.handlers = Map.of(EventTypes.SHOP_PURGED, e -> purge.purge(KiranaEvents.shopId(e)).then());
    }

    @KafkaListener(topics = Topics.SHOP, groupId = "${spring.application.name}.shop-purge")
    public void onShop(ConsumerRecord<String, byte[]> record) {
        inbox.handle(consumer, record, handlers);
    }
}

package dev.kirana.accounting.purchase;

import dev.kirana.accounting.shop.ShopProfiles;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.Topics;
import dev.kirana.india.Gstin;
import dev.kirana.india.StateCodes;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps each shop's GST state from shop events (its state code, else the first two digits of its GSTIN), which
 * decides whether a purchase takes input CGST + SGST or IGST, its GSTIN (for its GST returns), and its name, which signs payment reminders. Its own
 * consumer group, beside the chart's.
 */
@Component
public class ShopStateListener {
    static final String CONSUMER = "accounting-service.shop-state";
    private final InboxProcessor inbox;
    private final Map<String, EventHandler> handlers;

    public ShopStateListener(InboxProcessor inbox, ShopProfiles shops) {
        this.inbox = inbox;
        this.handlers = Map.of(
                EventTypes.SHOP_CREATED, e -> {
                    var s = KiranaEvents.data(e, ShopEvents.ShopCreated.class);
                    return save(shops, KiranaEvents.shopId(e), s.stateCode(), s.gstin(), s.name());
                },
                EventTypes.SHOP_UPDATED, e -> {
                    var s = KiranaEvents.data(e, ShopEvents.ShopUpdated.class);
                    return save(shops, KiranaEvents.shopId(e), s.stateCode(), s.gstin(), s.name());
                });
    }

    private static Mono<Void> save(ShopProfiles shops, String shopId, String stateCode, String gstin, String name) {
        String state = StateCodes.isValid(stateCode) ? stateCode
                : gstin != null && gstin.length() >= 2 && StateCodes.isValid(gstin.substring(0, 2)) ? gstin.substring(0, 2) : null;
        String registered = gstin == null ? null : Gstin.normalize(gstin);
        return shops.save(shopId, state, name == null || name.isBlank() ? null : name.strip(),
                registered != null && Gstin.isValid(registered) ? registered : null);
    }

    @KafkaListener(topics = Topics.SHOP, groupId = CONSUMER)
    public void onShop(ConsumerRecord<String, byte[]> record) {
        inbox.handle(CONSUMER, record, handlers);
    }
}

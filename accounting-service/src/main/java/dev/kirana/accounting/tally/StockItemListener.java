package dev.kirana.accounting.tally;

import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.BackgroundConsumer;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the stock item masters of the Tally export from the sales the books post: each line of an
 * {@code order.confirmed} names its product's name, HSN, unit and GST rate, the latest sale's winning. Accounting has
 * no catalog replica and needs none for this: the sale lines are what the books were told about a product, and a
 * product only ever bought (on a purchase bill) is exported under its product id. Its own consumer group.
 */
@Component
public class StockItemListener {
    static final String CONSUMER = "accounting-service.tally-stock-items";
    private final InboxProcessor inbox;
    private final Map<String, EventHandler> handlers;

    public StockItemListener(InboxProcessor inbox, DatabaseClient db) {
        this.inbox = inbox;
        this.handlers = Map.of(EventTypes.ORDER_CONFIRMED, e -> {
            var sale = KiranaEvents.data(e, OrderEvents.OrderConfirmed.class);
            String shop = KiranaEvents.shopId(e);
            if (sale.lines() == null) {
                return Mono.empty();
            }
            return Flux.fromIterable(sale.lines())
                    .filter(l -> l.productId() != null && !l.productId().isBlank() && l.productId().length() <= 200)
                    .concatMap(l -> {
                        String name = l.name() == null || l.name().isBlank() ? l.productId() : clip(l.name().strip(), 200);
                        var spec = db.sql("""
                                        INSERT INTO tally_stock_items (shop_id, product_id, name, hsn, unit, gst_rate, updated_at)
                                        VALUES (:shop, :product, :name, :hsn, :unit, :rate, now())
                                        ON CONFLICT (shop_id, product_id) DO UPDATE SET name = excluded.name,
                                            hsn = coalesce(excluded.hsn, tally_stock_items.hsn), unit = coalesce(excluded.unit, tally_stock_items.unit),
                                            gst_rate = coalesce(excluded.gst_rate, tally_stock_items.gst_rate), updated_at = now()""")
                                .bind("shop", shop).bind("product", l.productId()).bind("name", name);
                        spec = l.hsn() == null ? spec.bindNull("hsn", String.class) : spec.bind("hsn", clip(l.hsn().strip(), 16));
                        spec = l.unit() == null ? spec.bindNull("unit", String.class) : spec.bind("unit", clip(l.unit().strip(), 16));
                        spec = l.gstRate() == null || l.gstRate().abs().compareTo(java.math.BigDecimal.valueOf(100)) >= 0
                                ? spec.bindNull("rate", java.math.BigDecimal.class) : spec.bind("rate", l.gstRate());
                        return spec.fetch().rowsUpdated();
                    })
                    .then();
        });
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    @KafkaListener(topics = Topics.ORDER, groupId = CONSUMER,
            properties = {BackgroundConsumer.FETCH_MIN_BYTES, BackgroundConsumer.FETCH_MAX_WAIT})
    public void onOrder(ConsumerRecord<String, byte[]> record) {
        inbox.handle(CONSUMER, record, handlers);
    }
}

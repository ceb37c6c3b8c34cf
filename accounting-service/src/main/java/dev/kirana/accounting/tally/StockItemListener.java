package dev.kirana.accounting.tally;

import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.BackgroundConsumer;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
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
            // One upsert for all the sale's products. A multi-row ON CONFLICT DO UPDATE may not touch a row twice, so
            // lines of the same product are merged first, exactly as upserting them one after the other would leave
            // the row: the last line's name, and of hsn, unit and rate the last line's that is not null (else what
            // the row held). Products keep the order of their first line, the order the rows were locked in before.
            Map<String, Item> items = new java.util.LinkedHashMap<>();
            for (OrderEvents.OrderLine l : sale.lines()) {
                if (l.productId() == null || l.productId().isBlank() || l.productId().length() > 200) {
                    continue;
                }
                String name = l.name() == null || l.name().isBlank() ? l.productId() : clip(l.name().strip(), 200);
                Item item = new Item(name, l.hsn() == null ? null : clip(l.hsn().strip(), 16),
                        l.unit() == null ? null : clip(l.unit().strip(), 16),
                        l.gstRate() == null || l.gstRate().abs().compareTo(java.math.BigDecimal.valueOf(100)) >= 0 ? null : l.gstRate());
                items.merge(l.productId(), item, (before, last) -> new Item(last.name(), last.hsn() != null ? last.hsn() : before.hsn(),
                        last.unit() != null ? last.unit() : before.unit(), last.rate() != null ? last.rate() : before.rate()));
            }
            if (items.isEmpty()) {
                return Mono.empty();
            }
            StringBuilder sql = new StringBuilder("INSERT INTO tally_stock_items (shop_id, product_id, name, hsn, unit, gst_rate, updated_at) VALUES ");
            for (int i = 0; i < items.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(:shop, :product").append(i).append(", :name").append(i).append(", :hsn").append(i)
                        .append(", :unit").append(i).append(", :rate").append(i).append(", now())");
            }
            sql.append("""

                    ON CONFLICT (shop_id, product_id) DO UPDATE SET name = excluded.name,
                        hsn = coalesce(excluded.hsn, tally_stock_items.hsn), unit = coalesce(excluded.unit, tally_stock_items.unit),
                        gst_rate = coalesce(excluded.gst_rate, tally_stock_items.gst_rate), updated_at = now()""");
            var spec = db.sql(sql.toString()).bind("shop", shop);
            int i = 0;
            for (Map.Entry<String, Item> p : items.entrySet()) {
                Item item = p.getValue();
                spec = spec.bind("product" + i, p.getKey()).bind("name" + i, item.name());
                spec = item.hsn() == null ? spec.bindNull("hsn" + i, String.class) : spec.bind("hsn" + i, item.hsn());
                spec = item.unit() == null ? spec.bindNull("unit" + i, String.class) : spec.bind("unit" + i, item.unit());
                spec = item.rate() == null ? spec.bindNull("rate" + i, java.math.BigDecimal.class) : spec.bind("rate" + i, item.rate());
                i++;
            }
            return spec.fetch().rowsUpdated().then();
        });
    }

    /** What one product's sale lines say of it. */
    private record Item(String name, String hsn, String unit, java.math.BigDecimal rate) {
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    @KafkaListener(topics = Topics.ORDER, groupId = CONSUMER, batch = "true",
            properties = {BackgroundConsumer.FETCH_MIN_BYTES, BackgroundConsumer.FETCH_MAX_WAIT})
    public void onOrder(List<ConsumerRecord<String, byte[]>> records) {
        inbox.handleBatch(CONSUMER, records, handlers);
    }
}

package dev.kirana.accounting.purchase;

import dev.kirana.accounting.journal.Journal;
import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.BackgroundConsumer;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Goods a debit note sent back leave inventory-service's stock at its own cost (stock.adjusted SUPPLIER_RETURN naming
 * {@code purchase-return:{return id}:{bill line}}); the debit note credited Inventory at the bill's. This posts the
 * difference ({@link PurchaseEntries#returnCostDifference}), once per event, in its own consumer group.
 */
@Component
public class PurchaseReturnCosting {
    static final String CONSUMER = "accounting-service.purchase-returns";
    private final InboxProcessor inbox;
    private final DatabaseClient db;
    private final Journal journal;
    private final Map<String, EventHandler> handlers;

    public PurchaseReturnCosting(InboxProcessor inbox, DatabaseClient db, Journal journal) {
        this.inbox = inbox;
        this.db = db;
        this.journal = journal;
        this.handlers = Map.of(EventTypes.STOCK_ADJUSTED, this::adjusted);
    }

    @KafkaListener(topics = Topics.INVENTORY, groupId = CONSUMER, batch = "true",
            properties = {BackgroundConsumer.FETCH_MIN_BYTES, BackgroundConsumer.FETCH_MAX_WAIT})
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.handleBatch(CONSUMER, records, handlers);
    }

    private Mono<Void> adjusted(CloudEvent e) {
        var a = KiranaEvents.data(e, InventoryEvents.StockAdjusted.class);
        if (!"SUPPLIER_RETURN".equals(a.movement()) || a.reference() == null || !a.reference().startsWith("purchase-return:")) {
            return Mono.empty();
        }
        String[] parts = a.reference().split(":");
        UUID returnId;
        int lineNo;
        try {
            returnId = UUID.fromString(parts[1]);
            lineNo = Integer.parseInt(parts[2]);
        } catch (RuntimeException ex) {
            return Mono.empty();
        }
        String shopId = KiranaEvents.shopId(e);
        LocalDate date = e.getTime() == null ? LocalDate.now(PurchaseService.SHOP_ZONE)
                : e.getTime().atZoneSameInstant(PurchaseService.SHOP_ZONE).toLocalDate();
        BigDecimal stockValue = (a.value() == null ? a.quantity().multiply(a.unitCost()) : a.value()).abs().setScale(2, RoundingMode.HALF_UP);
        return db.sql("""
                        SELECT r.debit_note, l.taxable FROM purchase_return_lines l JOIN purchase_returns r ON r.id = l.return_id
                        WHERE r.shop_id = :shop AND r.id = :id AND l.line_no = :line""")
                .bind("shop", shopId).bind("id", returnId).bind("line", lineNo)
                .map(r -> new Object[]{r.get("debit_note", String.class), r.get("taxable", BigDecimal.class)})
                .one()
                .flatMap(row -> journal.post(shopId, PurchaseEntries.returnCostDifference(e.getId(), date, (String) row[0], a.productId(),
                        stockValue, (BigDecimal) row[1])));
    }
}

package dev.kirana.accounting.journal;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Posts the books from the saga's events: a confirmed sale (cash against sales) and its cost (COGS against inventory). */
@Component
public class SalesPosting {
    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Kolkata");
    private final InboxProcessor inbox;
    private final Journal journal;
    private final Map<String, EventHandler> orderHandlers;
    private final Map<String, EventHandler> stockHandlers;

    public SalesPosting(InboxProcessor inbox, Journal journal) {
        this.inbox = inbox;
        this.journal = journal;
        this.orderHandlers = Map.of(EventTypes.ORDER_CONFIRMED, this::sale);
        this.stockHandlers = Map.of(EventTypes.STOCK_COMMITTED, this::costOfSale);
    }

    @KafkaListener(topics = Topics.ORDER)
    public void onOrder(ConsumerRecord<String, byte[]> record) {
        inbox.handle("accounting-service.orders", record, orderHandlers);
    }

    @KafkaListener(topics = Topics.INVENTORY)
    public void onStock(ConsumerRecord<String, byte[]> record) {
        inbox.handle("accounting-service.stock", record, stockHandlers);
    }

    static JournalEntry saleEntry(OrderEvents.OrderConfirmed sale, LocalDate date) {
        return JournalEntry.builder(date, "Sale " + sale.orderId(), "order.confirmed:" + sale.orderId())
                .debit(Account.CASH, sale.total())
                .credit(Account.SALES, sale.total())
                .build();
    }

    static JournalEntry costEntry(InventoryEvents.StockCommitted committed, LocalDate date) {
        BigDecimal cost = committed.lines().stream().map(l -> l.quantity().multiply(l.unitCost()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return JournalEntry.builder(date, "Cost of sale " + committed.orderId(), "stock.committed:" + committed.orderId())
                .debit(Account.COST_OF_GOODS_SOLD, cost)
                .credit(Account.INVENTORY, cost)
                .build();
    }

    private Mono<Void> sale(CloudEvent e) {
        return journal.post(KiranaEvents.shopId(e), saleEntry(KiranaEvents.data(e, OrderEvents.OrderConfirmed.class), date(e)));
    }

    private Mono<Void> costOfSale(CloudEvent e) {
        return journal.post(KiranaEvents.shopId(e), costEntry(KiranaEvents.data(e, InventoryEvents.StockCommitted.class), date(e)));
    }

    private static LocalDate date(CloudEvent e) {
        return e.getTime() == null ? LocalDate.now(SHOP_ZONE) : e.getTime().atZoneSameInstant(SHOP_ZONE).toLocalDate();
    }
}

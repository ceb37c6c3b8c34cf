package dev.kirana.accounting.journal;

import dev.kirana.accounting.gstreturn.OutwardRegister;
import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.BackgroundConsumer;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import io.cloudevents.CloudEvent;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Posts the books from the saga's events: sales (GST-aware, by tender), voids and refunds (reversals), and the cost
 * of goods sold and returned; and, in the same transaction, the GST register of outward supplies (the invoice, its
 * credit notes, its cancellation). Each event posts at most once (inbox, and one entry per source).
 */
@Component
public class SalesPosting {
    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Kolkata");
    private final InboxProcessor inbox;
    private final Journal journal;
    private final CostOfSales costs;
    private final SaleCustomers customers;
    private final OutwardRegister register;
    private final Map<String, EventHandler> orderHandlers;
    private final Map<String, EventHandler> stockHandlers;

    public SalesPosting(InboxProcessor inbox, Journal journal, CostOfSales costs, SaleCustomers customers, OutwardRegister register) {
        this.inbox = inbox;
        this.register = register;
        this.journal = journal;
        this.costs = costs;
        this.customers = customers;
        this.orderHandlers = Map.of(EventTypes.ORDER_CONFIRMED, this::sale, EventTypes.ORDER_VOIDED, this::voided,
                EventTypes.ORDER_REFUNDED, this::refunded);
        this.stockHandlers = Map.of(EventTypes.STOCK_COMMITTED, this::costOfSale);
    }

    @KafkaListener(topics = Topics.ORDER, batch = "true",
            properties = {BackgroundConsumer.FETCH_MIN_BYTES, BackgroundConsumer.FETCH_MAX_WAIT})
    public void onOrder(List<ConsumerRecord<String, byte[]>> records) {
        inbox.handleBatch("accounting-service.orders", records, orderHandlers);
    }

    @KafkaListener(topics = Topics.INVENTORY, batch = "true",
            properties = {BackgroundConsumer.FETCH_MIN_BYTES, BackgroundConsumer.FETCH_MAX_WAIT})
    public void onStock(List<ConsumerRecord<String, byte[]>> records) {
        inbox.handleBatch("accounting-service.stock", records, stockHandlers);
    }

    private Mono<Void> sale(CloudEvent e) {
        OrderEvents.OrderConfirmed s = KiranaEvents.data(e, OrderEvents.OrderConfirmed.class);
        return post(KiranaEvents.shopId(e), s.customer(), SaleEntries.sale(s, date(e)), date(e))
                .then(register.invoice(KiranaEvents.shopId(e), s, date(e)));
    }

    /** Posts a sale, void or refund; its receivable line (a CREDIT tender) goes to the khata of the customer named on it. */
    private Mono<Void> post(String shop, OrderEvents.Customer customer, JournalEntry entry, LocalDate date) {
        boolean onKhata = entry.lines().stream().anyMatch(l -> l.account() == Account.CUSTOMERS);
        return customers.partyOf(shop, customer, date).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(party -> journal.postOnce(shop, entry, party.orElse(null))
                        .flatMap(posted -> posted && party.isPresent() && onKhata ? customers.balanceChanged(shop, party.get()) : Mono.empty()));
    }

    private Mono<Void> voided(CloudEvent e) {
        OrderEvents.OrderVoided v = KiranaEvents.data(e, OrderEvents.OrderVoided.class);
        String shop = KiranaEvents.shopId(e);
        return post(shop, v.customer(), SaleEntries.voided(v, date(e)), date(e))
                .then(costs.returned(shop, v.orderId(), "order.voided:" + v.orderId(), v.lines().stream()
                        .map(l -> new CostOfSales.Returned(l.productId(), l.quantity(), true)).toList(), date(e)))
                .then(register.cancellation(shop, v, date(e)));
    }

    private Mono<Void> refunded(CloudEvent e) {
        OrderEvents.OrderRefunded r = KiranaEvents.data(e, OrderEvents.OrderRefunded.class);
        String shop = KiranaEvents.shopId(e);
        return post(shop, r.customer(), SaleEntries.refund(r, date(e)), date(e))
                .then(costs.returned(shop, r.orderId(), "order.refunded:" + r.refundId(), r.lines().stream()
                        .map(l -> new CostOfSales.Returned(l.productId(), l.quantity(), !"WRITE_OFF".equals(l.disposition()))).toList(),
                        date(e)))
                .then(register.creditNote(shop, r, date(e)));
    }

    private Mono<Void> costOfSale(CloudEvent e) {
        return costs.committed(KiranaEvents.shopId(e), KiranaEvents.data(e, InventoryEvents.StockCommitted.class), date(e));
    }

    private static LocalDate date(CloudEvent e) {
        return e.getTime() == null ? LocalDate.now(SHOP_ZONE) : e.getTime().atZoneSameInstant(SHOP_ZONE).toLocalDate();
    }
}

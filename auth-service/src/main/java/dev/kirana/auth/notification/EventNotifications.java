package dev.kirana.auth.notification;

import dev.kirana.auth.shop.ShopAccess;
import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.BackgroundConsumer;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Notifications from other services' events, each handled once (the inbox): low stock (once per product per local
 * day), a batch expiring soon (once per batch), a day closed with a cash variance, a large void or refund, a khata reminder sent. An event of a shop this
 * service does not know is acknowledged and ignored.
 */
@Component
public class EventNotifications {
    static final String CONSUMER = "auth-service.notifications";
    private final InboxProcessor inbox;
    private final NotificationRules rules;
    private final Notifier notifier;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<String, EventHandler> handlers;

    public EventNotifications(InboxProcessor inbox, NotificationRules rules, Notifier notifier, Clock clock, NotificationProperties props) {
        this.inbox = inbox;
        this.maxAge = props.maxEventAge();
        this.rules = rules;
        this.notifier = notifier;
        this.clock = clock;
        this.handlers = Map.of(
                EventTypes.STOCK_LOW, e -> shop(e, shop -> stockLow(shop, e, KiranaEvents.data(e, InventoryEvents.StockLow.class))),
                EventTypes.STOCK_BATCH_EXPIRING, e -> shop(e, shop -> expiring(shop, KiranaEvents.data(e, InventoryEvents.BatchExpiring.class))),
                EventTypes.DAY_CLOSED, e -> shop(e, shop -> dayClosed(shop, KiranaEvents.data(e, AccountingEvents.DayClosed.class))),
                EventTypes.ORDER_VOIDED, e -> shop(e, shop -> voided(shop, KiranaEvents.data(e, OrderEvents.OrderVoided.class))),
                EventTypes.ORDER_REFUNDED, e -> shop(e, shop -> refunded(shop, KiranaEvents.data(e, OrderEvents.OrderRefunded.class))),
                EventTypes.KHATA_REMINDER_SENT, e -> shop(e, shop -> reminder(shop, KiranaEvents.data(e, AccountingEvents.ReminderSent.class))));
    }

    @KafkaListener(topics = {Topics.INVENTORY, Topics.ORDER, Topics.ACCOUNTING}, groupId = CONSUMER,
            properties = {BackgroundConsumer.FETCH_MIN_BYTES, BackgroundConsumer.FETCH_MAX_WAIT})
    public void onEvent(ConsumerRecord<String, byte[]> record) {
        inbox.handle(CONSUMER, record, handlers);
    }

    private Mono<Void> shop(CloudEvent e, Function<UUID, Mono<?>> then) {
        if (e.getTime() != null && e.getTime().toInstant().isBefore(clock.instant().minus(maxAge))) {
            return Mono.empty();
        }
        return ShopAccess.parse(KiranaEvents.shopId(e)).map(shop -> then.apply(shop).then()).orElse(Mono.empty());
    }

    private Mono<Integer> stockLow(UUID shop, CloudEvent e, InventoryEvents.StockLow s) {
        Instant at = e.getTime() == null ? clock.instant() : e.getTime().toInstant();
        return notifier.zone(shop).flatMap(zone -> {
            LocalDate day = LocalDate.ofInstant(at, zone);
            return rules.rule(shop, NotificationKind.STOCK_LOW).flatMap(rule -> notifier.notify(shop, rule,
                    "stock-low:" + s.productId() + ":" + day, List.of(s.name(), s.sku(), plain(s.available()), plain(s.reorderLevel()))));
        });
    }

    /** Inventory announces a batch daily while it is within its look-ahead; the shop is told once, when within the rule's days. */
    private Mono<Integer> expiring(UUID shop, InventoryEvents.BatchExpiring b) {
        return rules.rule(shop, NotificationKind.BATCH_EXPIRING).flatMap(rule -> b.daysLeft() > rule.param("days").intValue() ? Mono.just(0)
                : notifier.notify(shop, rule, "batch-expiring:" + b.lotId(), List.of(b.name() == null ? b.productId() : b.name(),
                b.batchNo() == null ? "-" : b.batchNo(), plain(b.remaining()), b.expiryDate().toString(), Integer.toString(b.daysLeft()))));
    }

    private Mono<Integer> dayClosed(UUID shop, AccountingEvents.DayClosed d) {
        return rules.rule(shop, NotificationKind.CASH_VARIANCE).flatMap(rule -> d.variance() == null
                || d.variance().abs().compareTo(rule.param("minVariance")) <= 0 || d.variance().signum() == 0 ? Mono.just(0)
                : notifier.notify(shop, rule, "day-closed:" + d.date() + ":" + d.entryId(),
                List.of(d.date().toString(), money(d.variance()), money(d.counted()), money(d.expected()))));
    }

    private Mono<Integer> voided(UUID shop, OrderEvents.OrderVoided v) {
        return rules.rule(shop, NotificationKind.LARGE_VOID).flatMap(rule -> v.total() == null || v.total().compareTo(rule.param("threshold")) <= 0
                ? Mono.just(0)
                : notifier.notify(shop, rule, "voided:" + v.orderId(),
                List.of(v.invoiceNumber() == null ? v.orderId() : v.invoiceNumber(), money(v.total()), v.reason() == null ? "-" : v.reason())));
    }

    private Mono<Integer> refunded(UUID shop, OrderEvents.OrderRefunded r) {
        return rules.rule(shop, NotificationKind.LARGE_REFUND).flatMap(rule -> r.total() == null || r.total().compareTo(rule.param("threshold")) <= 0
                ? Mono.just(0)
                : notifier.notify(shop, rule, "refunded:" + r.refundId(),
                List.of(r.creditNoteNumber() == null ? r.refundId() : r.creditNoteNumber(), money(r.total()),
                        r.invoiceNumber() == null ? r.orderId() : r.invoiceNumber(), r.reason() == null ? "-" : r.reason())));
    }

    private Mono<Integer> reminder(UUID shop, AccountingEvents.ReminderSent r) {
        return rules.rule(shop, NotificationKind.KHATA_REMINDER).flatMap(rule -> notifier.notify(shop, rule, "khata-reminder:" + r.reminderId(),
                List.of(money(r.amountDue()), r.phone() == null ? "-" : r.phone())));
    }

    static String money(BigDecimal v) {
        return v == null ? "-" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String plain(BigDecimal v) {
        return v == null ? "-" : v.stripTrailingZeros().toPlainString();
    }
}

package dev.kirana.reporting.sales;

import dev.kirana.events.EventTypes;
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
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Confirmed sales per shop and day (India time), kept from order events. */
@Component
public class DailySales {
    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Kolkata");
    private final DatabaseClient db;
    private final InboxProcessor inbox;
    private final Map<String, EventHandler> handlers;

    public DailySales(DatabaseClient db, InboxProcessor inbox) {
        this.db = db;
        this.inbox = inbox;
        this.handlers = Map.of(EventTypes.ORDER_CONFIRMED, this::confirmed);
    }

    @KafkaListener(topics = Topics.ORDER)
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle("reporting-service.daily-sales", record, handlers);
    }

    private Mono<Void> confirmed(CloudEvent e) {
        OrderEvents.OrderConfirmed sale = KiranaEvents.data(e, OrderEvents.OrderConfirmed.class);
        LocalDate day = sale.confirmedAt().atZone(SHOP_ZONE).toLocalDate();
        return db.sql("""
                        INSERT INTO daily_sales (shop_id, day, orders, revenue) VALUES (:shop, :day, 1, :total)
                        ON CONFLICT (shop_id, day) DO UPDATE SET orders = daily_sales.orders + 1, revenue = daily_sales.revenue + excluded.revenue""")
                .bind("shop", KiranaEvents.shopId(e)).bind("day", day).bind("total", sale.total())
                .then();
    }

    public Flux<Row> between(String shopId, LocalDate from, LocalDate to) {
        return db.sql("SELECT day, orders, revenue FROM daily_sales WHERE shop_id = :shop AND day BETWEEN :from AND :to ORDER BY day")
                .bind("shop", shopId).bind("from", from).bind("to", to)
                .map(r -> new Row(r.get("day", LocalDate.class), r.get("orders", Long.class), r.get("revenue", BigDecimal.class)))
                .all();
    }

    public record Row(LocalDate day, long orders, BigDecimal revenue) {
    }
}

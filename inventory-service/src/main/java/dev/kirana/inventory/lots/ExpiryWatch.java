package dev.kirana.inventory.lots;

import dev.kirana.events.EventTypes;
import dev.kirana.events.InventoryEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The daily expiry check: every batch with stock left that expires within {@code kirana.inventory.expiry-watch.days-ahead}
 * days (today included) is announced as {@code stock.batch-expiring}, once per batch per day. The day's claim and the
 * events commit together (outbox), so a check that runs again the same day (it runs hourly, and on every replica)
 * announces nothing twice, and one that failed is made good by the next.
 */
@Component
@EnableScheduling
public class ExpiryWatch {
    private static final Logger log = LoggerFactory.getLogger(ExpiryWatch.class);
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final int daysAhead;

    public ExpiryWatch(DatabaseClient db, TransactionalOperator tx, OutboxWriter outbox, Clock clock,
                       @Value("${kirana.inventory.expiry-watch.days-ahead:30}") int daysAhead) {
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
        this.clock = clock;
        this.daysAhead = daysAhead;
    }

    @Scheduled(initialDelayString = "${kirana.inventory.expiry-watch.initial-delay:15m}",
            fixedDelayString = "${kirana.inventory.expiry-watch.interval:1h}")
    public void scheduled() {
        try {
            Integer n = announce(LocalDate.now(clock)).block(Duration.ofMinutes(5));
            if (n != null && n > 0) log.info("{} batches announced as expiring", n);
        } catch (RuntimeException e) {
            log.warn("expiry check failed: {}", e.toString());
        }
    }

    /** Announces the batches expiring from {@code day} to {@code day} + days-ahead not yet announced that day. @return how many */
    public Mono<Integer> announce(LocalDate day) {
        Mono<Integer> work = db.sql("""
                        WITH due AS (
                            INSERT INTO batch_expiry_alerts (lot_id, day)
                            SELECT id, :day FROM stock_lots
                            WHERE remaining > 0 AND expiry_date IS NOT NULL AND expiry_date >= :day AND expiry_date <= :until
                            ON CONFLICT DO NOTHING
                            RETURNING lot_id)
                        SELECT l.id, l.shop_id, l.product_id, k.sku, k.name, l.location_id, l.batch_no, l.expiry_date, l.remaining
                        FROM due JOIN stock_lots l ON l.id = due.lot_id
                        LEFT JOIN known_products k ON k.shop_id = l.shop_id AND k.product_id = l.product_id
                        ORDER BY l.shop_id, l.id""")
                .bind("day", day).bind("until", day.plusDays(daysAhead))
                .map(r -> {
                    LocalDate expiry = r.get("expiry_date", LocalDate.class);
                    UUID location = r.get("location_id", UUID.class);
                    return new Object[] {r.get("shop_id", String.class), new InventoryEvents.BatchExpiring(
                            String.valueOf(r.get("id", Long.class)), r.get("product_id", String.class), r.get("sku", String.class),
                            r.get("name", String.class), location == null ? null : location.toString(), r.get("batch_no", String.class),
                            expiry, r.get("remaining", BigDecimal.class), (int) ChronoUnit.DAYS.between(day, expiry), day)};
                })
                .all()
                .collectList()
                .flatMap(due -> Flux.fromIterable(due)
                        .concatMap(d -> outbox.append(Topics.INVENTORY, EventTypes.STOCK_BATCH_EXPIRING,
                                ((InventoryEvents.BatchExpiring) d[1]).productId(), (String) d[0], d[1]))
                        .then(Mono.just(due.size())));
        return tx.transactional(work);
    }
}

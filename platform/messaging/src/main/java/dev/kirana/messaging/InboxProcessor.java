package dev.kirana.messaging;

import dev.kirana.events.KiranaEvents;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs an event handler at most once per (consumer, event id): the inbox row and the handler's
 * effects commit in one transaction, so a redelivered event is acknowledged without a second effect.
 */
public class InboxProcessor {
    private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Duration handlerTimeout;
    private final EventTracing tracing;
    /** {@code lock_timeout} of a batch's transaction, as PostgreSQL reads it ("200ms"). */
    private final String batchLockTimeout;

    public InboxProcessor(DatabaseClient db, TransactionalOperator tx, Duration handlerTimeout, EventTracing tracing,
                          Duration batchLockTimeout) {
        this.db = db;
        this.tx = tx;
        this.handlerTimeout = handlerTimeout;
        this.batchLockTimeout = Math.max(1, batchLockTimeout.toMillis()) + "ms";
        this.tracing = tracing;
    }

    /** @return true when the handler ran, false when the event had been handled before */
    public Mono<Boolean> process(String consumer, CloudEvent event, EventHandler handler) {
        Mono<Boolean> work = db.sql("""
                        INSERT INTO kirana_inbox (consumer, event_id, event_type) VALUES (:c, :id, :type)
                        ON CONFLICT DO NOTHING""")
                .bind("c", consumer)
                .bind("id", event.getId())
                .bind("type", event.getType())
                .fetch().rowsUpdated()
                .flatMap(n -> n == 0 ? Mono.just(false) : handler.handle(event).thenReturn(true));
        return tx.transactional(work);
    }

    /**
     * Handles one Kafka record on the listener thread: decodes the CloudEvent, picks the handler for
     * its type (types this consumer does not know are acknowledged and skipped, so producers can add
     * types), and blocks until the transaction committed so that offsets follow effects. The handling is a consumer
     * span, child of the trace the record names ({@code ce_traceparent}): the handler's log lines and the events it
     * appends to the outbox belong to the same trace as the request that caused them, and carry its request id.
     */
    public void handle(String consumer, ConsumerRecord<String, byte[]> record, Map<String, EventHandler> handlers) {
        CloudEvent event;
        try {
            event = KiranaEvents.fromRecord(record);
        } catch (RuntimeException e) {
            throw new PoisonMessageException("not a CloudEvent: " + record.topic() + "/" + record.partition() + "@" + record.offset(), e);
        }
        EventHandler handler = handlers.get(event.getType());
        if (handler == null) {
            log.debug("{} ignores {} {}", consumer, event.getType(), event.getId());
            return;
        }
        if (KiranaEvents.shopId(event) == null) {
            throw new PoisonMessageException("event " + event.getId() + " has no shopid", null);
        }
        tracing.observeHandling(consumer, record, event, EventTracing.withRequestId(event,
                // contextCapture: the span current here is seen by the handler's operators on other threads
                () -> EventTracing.inRequestContext(event, process(consumer, event, handler)).contextCapture().block(handlerTimeout)));
    }

    /**
     * Handles a poll's records (a batch listener's list, in offset order per partition) in ONE transaction with ONE
     * inbox insert: the events not handled before run their handlers one after another, in record order, each as its
     * own consumer span; types this consumer does not know are skipped. Offsets follow effects as in {@link #handle}.
     * If the batch's transaction fails, its records are handled again one transaction each, so that the one that
     * fails by itself is found: those before it are committed, and it is reported as
     * {@link BatchListenerFailedException} with its index, for the error handler's retries and dead-lettering of that
     * record alone. A record that is not a CloudEvent, or names no shop, is reported the same way once those before it
     * are handled.
     */
    public void handleBatch(String consumer, List<ConsumerRecord<String, byte[]>> records, Map<String, EventHandler> handlers) {
        handleBatch(consumer, records, handlers, false);
    }

    /**
     * {@link #handleBatch} for a consumer on the sale's path whose batches lock rows that the batches of its other
     * threads and replicas lock too (stock levels, orders), in an order no one can sort across a whole poll: the
     * batch's transaction waits at most {@code kirana.messaging.batch-lock-timeout} for a row lock; past that, or on a
     * deadlock, the batch is rolled back and its records are handled one transaction each, which wait as long as
     * they must and lock in an order each handler sorts.
     */
    public void handleContendedBatch(String consumer, List<ConsumerRecord<String, byte[]>> records, Map<String, EventHandler> handlers) {
        handleBatch(consumer, records, handlers, true);
    }

    private void handleBatch(String consumer, List<ConsumerRecord<String, byte[]>> records, Map<String, EventHandler> handlers,
                             boolean contended) {
        List<Item> items = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            CloudEvent event;
            try {
                event = KiranaEvents.fromRecord(record);
            } catch (RuntimeException e) {
                handleAll(consumer, items, contended);
                throw new BatchListenerFailedException("not a CloudEvent", new PoisonMessageException(
                        "not a CloudEvent: " + record.topic() + "/" + record.partition() + "@" + record.offset(), e), i);
            }
            EventHandler handler = handlers.get(event.getType());
            if (handler == null) {
                log.debug("{} ignores {} {}", consumer, event.getType(), event.getId());
                continue;
            }
            if (KiranaEvents.shopId(event) == null) {
                handleAll(consumer, items, contended);
                throw new BatchListenerFailedException("no shopid",
                        new PoisonMessageException("event " + event.getId() + " has no shopid", null), i);
            }
            items.add(new Item(i, record, event, handler));
        }
        handleAll(consumer, items, contended);
    }

    private record Item(int index, ConsumerRecord<String, byte[]> record, CloudEvent event, EventHandler handler) {
    }

    private void handleAll(String consumer, List<Item> items, boolean contended) {
        if (items.isEmpty()) {
            return;
        }
        if (items.size() > 1) {
            try {
                Mono<Void> all = processAll(consumer, items, item -> tracing.observeHandling(consumer, item.record(), item.event(),
                        EventTracing.inRequestContext(item.event(), item.handler().handle(item.event()))));
                tx.transactional(contended ? lockTimeout().then(all) : all).block(handlerTimeout);
                return;
            } catch (RuntimeException batchFailed) {
                log.debug("{}: a batch of {} failed, handling its records one by one: {}", consumer, items.size(), batchFailed.toString());
            }
        }
        for (Item item : items) {
            try {
                handle(consumer, item.record(), Map.of(item.event().getType(), item.handler()));
            } catch (RuntimeException failed) {
                throw new BatchListenerFailedException(failed.getMessage(), failed, item.index());
            }
        }
    }

    /**
     * For this transaction only: a contended batch that waits on a lock longer than this fails, and its records are
     * handled one transaction each, so that two batches locking the same rows in different orders do not wait out
     * the second PostgreSQL takes to notice the deadlock.
     */
    private Mono<Void> lockTimeout() {
        return db.sql("SELECT set_config('lock_timeout', :t, true)").bind("t", batchLockTimeout).fetch().rowsUpdated().then();
    }

    /**
     * Inside the caller's transaction: claims the events for {@code consumer} in one inbox insert and runs the handlers
     * of those it had not handled before, one after another in list order ({@code handlers.get(i)} handles
     * {@code events.get(i)}). For batch consumers that own their transaction (a read-model rebuild, say).
     */
    public Mono<Void> processAll(String consumer, List<CloudEvent> events, List<EventHandler> handlers) {
        List<Item> items = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            items.add(new Item(i, null, events.get(i), handlers.get(i)));
        }
        return processAll(consumer, items, item -> EventTracing.inRequestContext(item.event(), item.handler().handle(item.event())));
    }

    private Mono<Void> processAll(String consumer, List<Item> items, Function<Item, Mono<Void>> run) {
        return claim(consumer, items).flatMap(fresh -> Flux.fromIterable(items)
                // a redelivered event can be in the batch twice: the first copy runs, the second is skipped
                .filter(item -> fresh.remove(item.event().getId()))
                .concatMap(run)
                .then());
    }

    /** One statement for the batch: the ids of its events this consumer had not handled yet. */
    private Mono<Set<String>> claim(String consumer, List<Item> items) {
        if (items.isEmpty()) {
            return Mono.just(new HashSet<>());
        }
        return db.sql("""
                        INSERT INTO kirana_inbox (consumer, event_id, event_type)
                        SELECT :c, id, type FROM unnest(:ids, :types) AS e(id, type)
                        ON CONFLICT DO NOTHING RETURNING event_id""")
                .bind("c", consumer)
                .bind("ids", items.stream().map(i -> i.event().getId()).toArray(String[]::new))
                .bind("types", items.stream().map(i -> i.event().getType()).toArray(String[]::new))
                .map(r -> r.get("event_id", String.class))
                .all()
                .collect(Collectors.toCollection(HashSet::new));
    }
}

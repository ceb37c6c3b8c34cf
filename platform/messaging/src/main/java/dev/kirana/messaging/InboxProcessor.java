package dev.kirana.messaging;

import dev.kirana.events.KiranaEvents;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
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

    public InboxProcessor(DatabaseClient db, TransactionalOperator tx, Duration handlerTimeout) {
        this(db, tx, handlerTimeout, EventTracing.NONE);
    }

    public InboxProcessor(DatabaseClient db, TransactionalOperator tx, Duration handlerTimeout, EventTracing tracing) {
        this.db = db;
        this.tx = tx;
        this.handlerTimeout = handlerTimeout;
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
}

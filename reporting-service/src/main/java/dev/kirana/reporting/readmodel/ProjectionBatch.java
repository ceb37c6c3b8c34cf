package dev.kirana.reporting.readmodel;

import dev.kirana.events.KiranaEvents;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import dev.kirana.messaging.PoisonMessageException;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Applies a poll's worth of records to one read-model schema: every event through the inbox (at most once each),
 * all in one transaction, so a busy topic costs one commit per batch rather than one per event. When the batch fails,
 * its events are applied one by one in their own transactions up to the one that fails, which is reported with its
 * index: the live consumer retries and then dead-letters it, a rebuild skips it.
 */
@Component
public class ProjectionBatch {
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final InboxProcessor inbox;
    private final Duration timeout;

    public ProjectionBatch(DatabaseClient db, ReactiveTransactionManager txManager, InboxProcessor inbox) {
        this.db = db;
        this.tx = TransactionalOperator.create(txManager);
        this.inbox = inbox;
        this.timeout = Duration.ofMinutes(2);
    }

    /** A record that could not be applied: its index in the batch and why. */
    public static final class Failed extends RuntimeException {
        private final int index;

        Failed(int index, RuntimeException cause) {
            super("record " + index + " of the batch could not be applied: " + cause.getMessage(), cause);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    /**
     * Applies {@code records[from..]} to {@code schema} (null: the live schema, the connection's own search path).
     * @return how many events were applied (records of types the read models do not use are skipped)
     * @throws Failed for the first record that cannot be applied; the ones before it are applied
     */
    public int apply(List<ConsumerRecord<String, byte[]>> records, int from, String schema, Map<String, EventHandler> handlers) {
        List<CloudEvent> events = new ArrayList<>();
        List<EventHandler> chosen = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int i = from; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> r = records.get(i);
            CloudEvent e;
            try {
                e = KiranaEvents.fromRecord(r);
            } catch (RuntimeException bad) {
                // what came before it still counts: apply that, then report this one
                applyEvents(schema, events, chosen, indexes);
                throw new Failed(i, new PoisonMessageException("not a CloudEvent: " + r.topic() + "/" + r.partition()
                        + "@" + r.offset(), bad));
            }
            EventHandler h = handlers.get(e.getType());
            if (h == null || KiranaEvents.shopId(e) == null) {
                continue;
            }
            events.add(e);
            chosen.add(h);
            indexes.add(i);
        }
        return applyEvents(schema, events, chosen, indexes);
    }

    private int applyEvents(String schema, List<CloudEvent> events, List<EventHandler> chosen, List<Integer> indexes) {
        if (events.isEmpty()) {
            return 0;
        }
        try {
            // one inbox insert for the batch, the events applied in order
            inTransaction(schema, inbox.processAll(Projection.CONSUMER, events, chosen)).block(timeout);
            return events.size();
        } catch (RuntimeException batchFailed) {
            int applied = 0;
            for (int i = 0; i < events.size(); i++) {
                try {
                    inTransaction(schema, inbox.process(Projection.CONSUMER, events.get(i), chosen.get(i)).then()).block(timeout);
                    applied++;
                } catch (RuntimeException failed) {
                    throw new Failed(indexes.get(i), failed);
                }
            }
            return applied;
        }
    }

    private Mono<Void> inTransaction(String schema, Mono<Void> work) {
        Mono<Void> path = schema == null ? Mono.empty()
                : db.sql("SET LOCAL search_path TO " + schema + ", public").then();
        return tx.transactional(path.then(work));
    }
}

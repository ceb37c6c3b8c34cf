package dev.kirana.reporting.readmodel;

import dev.kirana.events.Topics;
import dev.kirana.messaging.BackgroundConsumer;
import dev.kirana.messaging.EventHandler;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the live read models current: every event of every topic the reports use, once each (the inbox), a poll's
 * worth of records per transaction. A record that cannot be applied is retried and then dead-lettered by the
 * suite's error handler; the records before it stay applied and their offsets are committed.
 */
@Component
public class LiveProjection {
    /** The listener container's id: a rebuild pauses it while it swaps the schemas. */
    public static final String LISTENER_ID = "reporting-read-models";
    public static final List<String> TOPICS = List.of(Topics.SHOP, Topics.CATALOG, Topics.INVENTORY, Topics.ORDER,
            Topics.ACCOUNTING);
    private final ProjectionBatch batch;
    private final Map<String, EventHandler> handlers;

    /** {@code migrated}: asked for so that the read-model tables exist before the listener starts. */
    public LiveProjection(ProjectionBatch batch, Projection projection, DatabaseClient db,
                          ReadModelSchema.ReadModelMigrations migrated) {
        this.batch = batch;
        this.handlers = projection.handlers(db);
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, batch = "true",
            topics = {Topics.SHOP, Topics.CATALOG, Topics.INVENTORY, Topics.ORDER, Topics.ACCOUNTING},
            properties = {BackgroundConsumer.FETCH_MIN_BYTES, BackgroundConsumer.FETCH_MAX_WAIT})
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        try {
            batch.apply(records, 0, null, handlers);
        } catch (ProjectionBatch.Failed f) {
            throw new BatchListenerFailedException(f.getMessage(), f.getCause(), f.index());
        }
    }
}

package dev.kirana.reporting.readmodel;

import dev.kirana.events.Topics;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Keeps the live read models current: every event of every topic the reports use, once each (the inbox). */
@Component
public class LiveProjection {
    /** The listener container's id: a rebuild pauses it while it swaps the schemas. */
    public static final String LISTENER_ID = "reporting-read-models";
    public static final List<String> TOPICS = List.of(Topics.SHOP, Topics.CATALOG, Topics.INVENTORY, Topics.ORDER,
            Topics.ACCOUNTING);
    private final InboxProcessor inbox;
    private final Map<String, EventHandler> handlers;

    public LiveProjection(InboxProcessor inbox, Projection projection, DatabaseClient db,
                          ReadModelSchema.ReadModelMigrations migrated) {
        this.inbox = inbox;
        this.handlers = projection.handlers(db);
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false,
            topics = {Topics.SHOP, Topics.CATALOG, Topics.INVENTORY, Topics.ORDER, Topics.ACCOUNTING})
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle(Projection.CONSUMER, record, handlers);
    }
}

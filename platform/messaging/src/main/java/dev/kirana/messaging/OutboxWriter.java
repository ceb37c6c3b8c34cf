package dev.kirana.messaging;

import dev.kirana.events.EventJson;
import dev.kirana.events.EventSchemaValidator;
import dev.kirana.events.KiranaEvents;
import io.cloudevents.CloudEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;

/**
 * Appends events to the outbox. Call it inside the caller's R2DBC transaction so that the state
 * change and the event commit together (or not at all); the relay publishes after commit.
 */
public class OutboxWriter {
    /** The channel {@link #append} notifies (spelled out in its INSERT). */
    public static final String CHANNEL = "kirana_outbox";
    private final DatabaseClient db;
    private final String source;
    private final EventTracing tracing;
    private final EventSchemaValidator contract;

    public OutboxWriter(DatabaseClient db, String source) {
        this(db, source, EventTracing.NONE, null);
    }

    /**
     * With {@code tracing}, each row also keeps the caller's trace context and request id, which the relay sends with the
     * event. With {@code contract} (the tests run with it: {@code kirana.messaging.validate-events}), an event that breaks
     * its published JSON Schema is refused before it is written, failing the change that made it.
     */
    public OutboxWriter(DatabaseClient db, String source, EventTracing tracing, EventSchemaValidator contract) {
        this.db = db;
        this.source = source;
        this.tracing = tracing;
        this.contract = contract;
    }

    /** Appends a new event of {@code type} about aggregate {@code subject}, keyed by it on {@code topic}. */
    public Mono<CloudEvent> append(String topic, String type, String subject, String shopId, Object data) {
        return Mono.defer(() -> {
            // PostgreSQL keeps microseconds: the event returned is then exactly the one that will be published
            CloudEvent event = KiranaEvents.event(UUID.randomUUID().toString(), type, source, subject, shopId,
                    OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), EventJson.write(data));
            return append(topic, subject, event).thenReturn(event);
        });
    }

    /** Appends an event built elsewhere (it needs a subject, a time, a {@code shopid} and data), keyed by {@code key}. */
    public Mono<Void> append(String topic, String key, CloudEvent event) {
        if (event.getSubject() == null || event.getTime() == null || KiranaEvents.shopId(event) == null || event.getData() == null) {
            return Mono.error(new IllegalArgumentException("event " + event.getId() + " needs a subject, a time, a shopid and data"));
        }
        // the suite's published types (this module's own tests publish test types that have no schema)
        if (contract != null && dev.kirana.events.EventTypes.ALL.contains(event.getType())) {
            java.util.List<String> problems = contract.validate(event);
            if (!problems.isEmpty()) {
                return Mono.error(new IllegalStateException("event " + event.getType() + " breaks its published schema: " + problems));
            }
        }
        // the NOTIFY rides on the INSERT (one round trip): delivered at commit, once per transaction however many rows
        // it appended, it wakes the relays without waiting for their next poll
        return tracing.current().flatMap(trace -> db.sql("""
                        INSERT INTO kirana_outbox (event_id, topic, record_key, event_type, source, subject, shop_id, occurred_at, data,
                                                   traceparent, tracestate, request_id)
                        VALUES (:id, :topic, :key, :type, :source, :subject, :shop, :time, :data, :traceparent, :tracestate, :requestId)
                        RETURNING pg_notify('kirana_outbox', '')""")
                .bind("id", UUID.fromString(event.getId()))
                .bind("topic", topic)
                .bind("key", key)
                .bind("type", event.getType())
                .bind("source", event.getSource().toString())
                .bind("subject", event.getSubject())
                .bind("shop", KiranaEvents.shopId(event))
                .bind("time", event.getTime().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
                .bind("data", event.getData().toBytes())
                .bind("traceparent", Parameter.fromOrEmpty(traceparent(event, trace), String.class))
                .bind("tracestate", Parameter.fromOrEmpty(tracestate(event, trace), String.class))
                .bind("requestId", Parameter.fromOrEmpty(requestId(event, trace), String.class))
                .then());
    }

    /** An event built elsewhere may name its trace already (extension attributes); otherwise the caller's. */
    private static String traceparent(CloudEvent event, EventTracing.Correlation trace) {
        Object v = event.getExtension(EventTracing.TRACEPARENT);
        return v != null ? v.toString() : trace.traceparent();
    }

    private static String tracestate(CloudEvent event, EventTracing.Correlation trace) {
        Object v = event.getExtension(EventTracing.TRACEPARENT);
        if (v != null) {
            Object state = event.getExtension(EventTracing.TRACESTATE);
            return state == null ? null : state.toString();
        }
        return trace.tracestate();
    }

    private static String requestId(CloudEvent event, EventTracing.Correlation trace) {
        String own = EventTracing.requestId(event);
        return own != null ? own : trace.requestId();
    }

    public String source() {
        return source;
    }
}

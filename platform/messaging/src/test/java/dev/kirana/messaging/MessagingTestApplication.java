package dev.kirana.messaging;

import dev.kirana.events.KiranaEvents;
import io.cloudevents.CloudEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.context.ContextRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * A tiny service that uses the messaging platform the way real services do: an app table
 * ({@code test_effects}, from its own Flyway migration), the outbox, and a Kafka listener that hands
 * every record to the inbox with a handler per event type.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class MessagingTestApplication {
    public static final String NAME = "messaging-test";
    public static final String TOPIC = "kirana.test.events";
    /** The same events, for a batch listener ({@link InboxProcessor#handleBatch}). */
    public static final String BATCH_TOPIC = "kirana.test.batched-events";
    /** Handled: inserts one {@code test_effects} row of kind "handled". */
    public static final String HANDLED = "kirana.test.handled.v1";
    /** Always fails (a bug in the handler, not in the message): retried, then parked on the DLQ. */
    public static final String FAILING = "kirana.test.failing.v1";
    /** Reads its data as an {@link OrderRef}: data that does not parse is poison, parked without retries. */
    public static final String PARSED = "kirana.test.parsed.v1";
    /** Cannot reach the database for its first {@link #OUTAGE_ATTEMPTS} attempts (more than the bounded retries), then can. */
    public static final String OUTAGE = "kirana.test.outage.v1";
    public static final int OUTAGE_ATTEMPTS = 6;

    /** Handled as a service handles a saga step: an effect, a log line, and a follow-up event appended to the outbox. */
    public static final String TRACED = "kirana.test.traced.v1";
    /** The follow-up of {@link #TRACED}, on a topic this application publishes but does not consume. */
    public static final String FOLLOW_UP_TOPIC = "kirana.order.events";
    public static final String FOLLOW_UP = "kirana.test.followed-up.v1";

    public record OrderRef(String orderId) {
    }

    static {
        // what platform/web's RequestIdFilter registers in every service: the request id in the Reactor context
        // is the MDC's requestId wherever Reactor restores thread-local values
        ContextRegistry.getInstance().registerThreadLocalAccessor(EventTracing.REQUEST_ID_CONTEXT_KEY,
                () -> MDC.get(EventTracing.REQUEST_ID_MDC_KEY),
                id -> MDC.put(EventTracing.REQUEST_ID_MDC_KEY, id),
                () -> MDC.remove(EventTracing.REQUEST_ID_MDC_KEY));
    }

    @Bean
    TestEventListener testEventListener(InboxProcessor inbox, DatabaseClient db, OutboxWriter outbox) {
        return new TestEventListener(inbox, db, outbox);
    }

    /** The spans the test application ends, in memory (the exporter Boot's span processor hands them to). */
    @Bean
    InMemorySpanExporter inMemorySpanExporter() {
        return InMemorySpanExporter.create();
    }

    /** A thin edge, as in a service: parse nothing itself, hand the record to the inbox. */
    public static class TestEventListener {
        private static final Logger log = LoggerFactory.getLogger(TestEventListener.class);
        private final InboxProcessor inbox;
        private final Map<String, EventHandler> handlers;
        /** Handler invocations per event id, to prove retries are bounded. */
        public final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        /** The trace id in the MDC when a {@link #TRACED} handler logged, after a database round trip, per event id. */
        public final Map<String, String> loggedTraceIds = new ConcurrentHashMap<>();
        /** The request id in the MDC of that log line, and in the handler's Reactor context. */
        public final Map<String, String> loggedRequestIds = new ConcurrentHashMap<>();
        public final Map<String, String> contextRequestIds = new ConcurrentHashMap<>();

        TestEventListener(InboxProcessor inbox, DatabaseClient db, OutboxWriter outbox) {
            this.inbox = inbox;
            this.handlers = Map.of(
                    HANDLED, event -> {
                        count(event);
                        return TestEffects.insert(db, event.getId(), "handled");
                    },
                    FAILING, event -> {
                        count(event);
                        return Mono.error(new IllegalStateException("handler bug for " + event.getId()));
                    },
                    PARSED, event -> {
                        count(event);
                        OrderRef ref = KiranaEvents.data(event, OrderRef.class);
                        return TestEffects.insert(db, event.getId(), "parsed " + ref.orderId());
                    },
                    OUTAGE, event -> {
                        count(event);
                        return attempts(event.getId()) <= OUTAGE_ATTEMPTS
                                ? Mono.error(new org.springframework.transaction.CannotCreateTransactionException(
                                        "Could not open R2DBC Connection for transaction", new java.net.ConnectException("Connection refused")))
                                : TestEffects.insert(db, event.getId(), "after the outage");
                    },
                    TRACED, event -> {
                        count(event);
                        return TestEffects.insert(db, event.getId(), "traced")
                                .then(Mono.deferContextual(ctx -> {
                                    contextRequestIds.put(event.getId(), String.valueOf((Object) ctx.getOrDefault(EventTracing.REQUEST_ID_CONTEXT_KEY, null)));
                                    return Mono.empty();
                                }))
                                // handle() restores the MDC from the Reactor context on whatever thread the database answered on
                                .then(Mono.just(event).handle((e, sink) -> {
                                    log.info("handled {}", e.getId());
                                    loggedTraceIds.put(e.getId(), String.valueOf(MDC.get("traceId")));
                                    loggedRequestIds.put(e.getId(), String.valueOf(MDC.get(EventTracing.REQUEST_ID_MDC_KEY)));
                                    sink.complete();
                                }))
                                .then(outbox.append(FOLLOW_UP_TOPIC, FOLLOW_UP, event.getSubject(), KiranaEvents.shopId(event),
                                        Map.of("after", event.getId())))
                                .then();
                    });
        }

        private void count(CloudEvent event) {
            attempts.computeIfAbsent(event.getId(), id -> new AtomicInteger()).incrementAndGet();
        }

        public int attempts(String eventId) {
            AtomicInteger n = attempts.get(eventId);
            return n == null ? 0 : n.get();
        }

        @KafkaListener(id = "messaging-test-listener", topics = TOPIC, groupId = NAME)
        void on(ConsumerRecord<String, byte[]> record) {
            inbox.handle(NAME, record, handlers);
        }

        @KafkaListener(id = "messaging-test-batch-listener", topics = BATCH_TOPIC, groupId = NAME + ".batch", batch = "true")
        void onBatch(java.util.List<ConsumerRecord<String, byte[]>> records) {
            inbox.handleBatch(NAME + ".batch", records, handlers);
        }
    }
}

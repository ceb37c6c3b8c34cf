package dev.kirana.messaging;

import dev.kirana.events.KiranaEvents;
import io.cloudevents.CloudEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
    /** Handled: inserts one {@code test_effects} row of kind "handled". */
    public static final String HANDLED = "kirana.test.handled.v1";
    /** Always fails (a bug in the handler, not in the message): retried, then parked on the DLQ. */
    public static final String FAILING = "kirana.test.failing.v1";
    /** Reads its data as an {@link OrderRef}: data that does not parse is poison, parked without retries. */
    public static final String PARSED = "kirana.test.parsed.v1";

    public record OrderRef(String orderId) {
    }

    @Bean
    TestEventListener testEventListener(InboxProcessor inbox, DatabaseClient db) {
        return new TestEventListener(inbox, db);
    }

    /** A thin edge, as in a service: parse nothing itself, hand the record to the inbox. */
    public static class TestEventListener {
        private final InboxProcessor inbox;
        private final Map<String, EventHandler> handlers;
        /** Handler invocations per event id, to prove retries are bounded. */
        public final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

        TestEventListener(InboxProcessor inbox, DatabaseClient db) {
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
    }
}

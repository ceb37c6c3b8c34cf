package dev.kirana.messaging;

import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.Collection;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * What the messaging tests share: the beans of the one test context, and relays that a test builds
 * and drives itself (the auto-configured one is off in this context).
 */
@MessagingIntegrationTest
abstract class MessagingTestSupport {
    @Autowired protected ConnectionFactory connectionFactory;
    @Autowired protected DatabaseClient db;
    @Autowired protected TransactionalOperator tx;
    @Autowired protected OutboxWriter outbox;
    @Autowired protected InboxProcessor inbox;
    /** The real, auto-configured Kafka publisher (idempotent producer, acks=all). */
    @Autowired protected EventPublisher kafka;

    /** Tests share one outbox table: start each test with nothing unsent, so a relay sees only this test's rows. */
    @BeforeEach
    void publishLeftovers() {
        relay(kafka, 500).drain().block(Duration.ofSeconds(30));
    }

    protected OutboxRelay relay(EventPublisher publisher, int batchSize) {
        return relay(publisher, properties(batchSize, Duration.ofSeconds(1)), new SimpleMeterRegistry());
    }

    protected OutboxRelay relay(EventPublisher publisher, OutboxProperties props, MeterRegistry meters) {
        return new OutboxRelay(connectionFactory, db, tx, publisher, props, meters);
    }

    protected static OutboxProperties properties(int batchSize, Duration pollInterval) {
        // the production default send timeout: a loaded build machine can take more than 10 s to acknowledge a batch
        return new OutboxProperties(true, batchSize, pollInterval, Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofDays(7));
    }

    protected static String bootstrapServers() {
        return TestInfrastructure.get().kafkaBootstrapServers();
    }

    protected static TopicProbe probe(String... topics) {
        return new TopicProbe(bootstrapServers(), topics);
    }

    /** Outbox rows about these aggregates (subjects), sent or not. */
    protected long outboxRows(Collection<String> subjects, boolean sent) {
        return db.sql("SELECT count(*) AS n FROM kirana_outbox WHERE subject = ANY(:s) AND sent_at IS " + (sent ? "NOT NULL" : "NULL"))
                .bind("s", subjects.toArray(String[]::new))
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }

    protected long outboxRows(String topic, boolean sent) {
        return db.sql("SELECT count(*) AS n FROM kirana_outbox WHERE topic = :t AND sent_at IS " + (sent ? "NOT NULL" : "NULL"))
                .bind("t", topic)
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }
}

package dev.kirana.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sent rows older than the retention are removed, by the running relay too; unsent and recent rows stay. */
class OutboxPurgeTest extends MessagingTestSupport {
    private static final String TOPIC = "kirana.test.purge";
    private static final String TYPE = "kirana.test.purged.v1";

    @Test
    void purgeRemovesOnlyRowsSentLongerAgoThanTheRetention() {
        CloudEvent old = append();
        CloudEvent recent = append();
        CloudEvent unsent = append();
        markSent(old, "8 days");
        markSent(recent, "1 day");

        long purged = relay(kafka, 100).purgeSent().block(Duration.ofSeconds(10));

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(exists(old)).isFalse();
        assertThat(exists(recent)).isTrue();
        assertThat(exists(unsent)).isTrue();
        relay(kafka, 100).drain().block(Duration.ofSeconds(10));
    }

    @Test
    void theRunningRelayPurgesPeriodically() {
        CloudEvent old = append();
        markSent(old, "8 days");
        var meters = new SimpleMeterRegistry();
        OutboxRelay running = relay(kafka, new OutboxProperties(true, 100, Duration.ofMillis(100), Duration.ofMillis(100),
                Duration.ofSeconds(10), Duration.ofDays(7), Duration.ofMillis(200)), meters);
        running.start();
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> !exists(old));
            await().atMost(Duration.ofSeconds(10)).until(() -> meters.counter("kirana.outbox.purged").count() >= 1);
        } finally {
            running.stop();
        }
        assertThat(running.isRunning()).isFalse();
    }

    private CloudEvent append() {
        String key = "order-" + UUID.randomUUID();
        return tx.transactional(outbox.append(TOPIC, TYPE, key, "shop-1", Map.of("orderId", key))).block(Duration.ofSeconds(10));
    }

    private void markSent(CloudEvent event, String ago) {
        db.sql("UPDATE kirana_outbox SET sent_at = now() - CAST(:ago AS interval) WHERE event_id = :id")
                .bind("ago", ago)
                .bind("id", UUID.fromString(event.getId()))
                .then().block(Duration.ofSeconds(10));
    }

    private boolean exists(CloudEvent event) {
        return db.sql("SELECT count(*) AS n FROM kirana_outbox WHERE event_id = :id")
                .bind("id", UUID.fromString(event.getId()))
                .map(r -> r.get("n", Long.class)).one().block(Duration.ofSeconds(10)) == 1;
    }
}

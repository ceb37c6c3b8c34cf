package dev.kirana.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.testing.KiranaTestInitializer;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The relay as a service gets it: auto-configured and started with the context, woken by
 * {@code NOTIFY} at commit. Polling is set to ten minutes here, so an event published within
 * seconds proves the notification path; it survives losing its LISTEN connection and a stop/start.
 */
@SpringBootTest(classes = RelayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.application.name=" + RelayTestApplication.NAME,
        "kirana.outbox.poll-interval=10m",
        "kirana.outbox.retry-backoff=100ms",
        "kirana.outbox.send-timeout=10s",
        "kirana.messaging.publishes=" + RelayAutoConfigurationTest.TOPIC,
})
@ContextConfiguration(initializers = KiranaTestInitializer.class)
@Order(Integer.MAX_VALUE) // after the classes that share the main test context
class RelayAutoConfigurationTest {
    static final String TOPIC = "kirana.test.relay-auto";
    private static final String TYPE = "kirana.test.relayed.v1";
    /** Far below the ten-minute poll: only a notification can make the relay this quick. */
    private static final Duration PROMPTLY = Duration.ofSeconds(30);

    @Autowired OutboxRelay relay;
    @Autowired OutboxWriter outbox;
    @Autowired TransactionalOperator tx;
    @Autowired DatabaseClient db;
    @Autowired MeterRegistry meters;

    @Test
    void theAutoConfiguredRelayPublishesPromptlyAfterCommit() {
        assertThat(relay.isRunning()).isTrue();
        awaitListeners(1);
        double publishedBefore = meters.counter("kirana.outbox.published").count();

        assertPublishedPromptlyAfterCommit();

        assertThat(meters.counter("kirana.outbox.published").count()).isGreaterThanOrEqualTo(publishedBefore + 2);
        assertThat(meters.find("kirana.outbox.lag").timer()).isNotNull();
        assertThat(meters.find("kirana.outbox.oldest.unsent.age").gauge()).isNotNull();
    }

    @Test
    void theRelayReopensItsListenConnectionWhenTheDatabaseDropsIt() {
        int before = awaitListeners(1).get(0);

        Boolean terminated = db.sql("SELECT pg_terminate_backend(:pid) AS t").bind("pid", before)
                .map(r -> r.get("t", Boolean.class)).one().block(Duration.ofSeconds(10));
        assertThat(terminated).isTrue();

        await().atMost(PROMPTLY).pollInterval(Duration.ofMillis(50))
                .until(() -> listeners().stream().anyMatch(pid -> pid != before));
        assertThat(listeners()).doesNotContain(before).hasSize(1);

        assertPublishedPromptlyAfterCommit();
    }

    @Test
    void stoppingClosesTheListenConnectionAndStartingAgainPublishesWhatWaited() {
        awaitListeners(1);

        relay.stop();
        assertThat(relay.isRunning()).isFalse();
        awaitListeners(0);

        String key = "order-" + UUID.randomUUID();
        CloudEvent waiting = append(key);
        assertThat(unsent(waiting)).isTrue();

        relay.start();
        try (TopicProbe probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), TOPIC)) {
            probe.awaitUntil(seen -> seen.stream().anyMatch(r -> waiting.getId().equals(TopicProbe.header(r, "ce_id"))), PROMPTLY);
        }
        awaitListeners(1);
        await().atMost(PROMPTLY).until(() -> !unsent(waiting));
    }

    /**
     * The first event may be published by any wake-up; the relay sends it only after its batch query ran,
     * so the second one, committed after the first reached Kafka, can only be found in time through NOTIFY.
     */
    private void assertPublishedPromptlyAfterCommit() {
        String key = "order-" + UUID.randomUUID();
        try (TopicProbe probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), TOPIC)) {
            CloudEvent first = append(key);
            probe.awaitUntil(seen -> seen.stream().anyMatch(r -> first.getId().equals(TopicProbe.header(r, "ce_id"))), PROMPTLY);

            CloudEvent second = append(key);
            var mine = probe.awaitUntil(seen -> seen.stream().anyMatch(r -> second.getId().equals(TopicProbe.header(r, "ce_id"))), PROMPTLY)
                    .stream().filter(r -> key.equals(r.key())).map(r -> TopicProbe.header(r, "ce_id")).toList();
            assertThat(mine).containsExactly(first.getId(), second.getId());
        }
    }

    private CloudEvent append(String key) {
        return tx.transactional(outbox.append(TOPIC, TYPE, key, "shop-1", Map.of("orderId", key))).block(Duration.ofSeconds(10));
    }

    private boolean unsent(CloudEvent event) {
        return db.sql("SELECT sent_at IS NULL AS unsent FROM kirana_outbox WHERE event_id = :id")
                .bind("id", UUID.fromString(event.getId()))
                .map(r -> r.get("unsent", Boolean.class)).one().block(Duration.ofSeconds(10));
    }

    /** Backends of this database whose last statement was the relay's LISTEN. */
    private List<Integer> listeners() {
        return db.sql("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = :q")
                .bind("q", "LISTEN " + OutboxWriter.CHANNEL)
                .map(r -> r.get("pid", Integer.class))
                .all().collectList().block(Duration.ofSeconds(10));
    }

    private List<Integer> awaitListeners(int n) {
        await().atMost(PROMPTLY).pollInterval(Duration.ofMillis(50)).until(() -> listeners().size() == n);
        return listeners();
    }
}

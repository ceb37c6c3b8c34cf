package dev.kirana.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.testing.TopicProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** Running relays: a stop lets the batch in flight commit, and two replicas never publish the same row twice. */
class OutboxRelayLifecycleTest extends MessagingTestSupport {
    private static final String TOPIC = "kirana.test.lifecycle";
    private static final String TYPE = "kirana.test.sequenced.v1";

    @Test
    void stoppingWaitsForTheBatchInFlightInsteadOfCancellingIt() throws Exception {
        Map<String, List<String>> appended = append(5, 5);
        CountDownLatch sending = new CountDownLatch(1);
        // the broker acknowledges slowly, so stop() arrives while the batch's transaction is open
        EventPublisher slowAcks = record -> {
            sending.countDown();
            return kafka.publish(record).thenApplyAsync(r -> r, CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
        };
        OutboxRelay relay = relay(slowAcks, properties(100, Duration.ofHours(1)), new SimpleMeterRegistry());

        relay.start();
        assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
        relay.stop();

        assertThat(relay.isRunning()).isFalse();
        assertThat(outboxRows(appended.keySet(), false)).as("rows of the batch that was in flight when stop() came").isZero();
        assertThat(outboxRows(appended.keySet(), true)).isEqualTo(5);
    }

    @Test
    void twoRunningRelaysPublishEachRowOnceAndInOrderPerKey() {
        var firstMeters = new SimpleMeterRegistry();
        var secondMeters = new SimpleMeterRegistry();
        OutboxRelay first = relay(kafka, properties(20, Duration.ofMillis(20)), firstMeters);
        OutboxRelay second = relay(kafka, properties(20, Duration.ofMillis(20)), secondMeters);
        first.start();
        second.start();
        Map<String, List<String>> appended;
        try {
            appended = append(200, 4);
            Map<String, List<String>> keys = appended;
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> outboxRows(keys.keySet(), false) == 0);
        } finally {
            first.stop();
            second.stop();
        }
        assertThat(firstMeters.counter("kirana.outbox.published").count() + secondMeters.counter("kirana.outbox.published").count())
                .isGreaterThanOrEqualTo(200);

        Map<String, List<String>> keys = appended;
        try (TopicProbe probe = probe(TOPIC)) {
            List<ConsumerRecord<String, byte[]>> mine = probe.awaitUntil(
                            seen -> seen.stream().filter(r -> keys.containsKey(r.key())).count() >= 200, Duration.ofSeconds(30))
                    .stream().filter(r -> keys.containsKey(r.key())).toList();
            assertThat(mine).as("no row published twice").hasSize(200);
            Map<String, List<String>> received = new LinkedHashMap<>();
            mine.forEach(r -> received.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(TopicProbe.header(r, "ce_id")));
            assertThat(received).isEqualTo(appended);
        }
    }

    /** Appends {@code events} events over {@code keys} keys, one transaction each; the ids per key in append order. */
    private Map<String, List<String>> append(int events, int keys) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, List<String>> ids = new LinkedHashMap<>();
        for (int k = 0; k < keys; k++) {
            ids.put("order-" + run + "-" + k, new ArrayList<>());
        }
        List<String> keyList = List.copyOf(ids.keySet());
        Flux.range(0, events)
                .concatMap(i -> {
                    String key = keyList.get(i % keys);
                    return tx.transactional(outbox.append(TOPIC, TYPE, key, "shop-1", Map.of("n", i)))
                            .doOnNext(e -> ids.get(key).add(e.getId()));
                })
                .blockLast(Duration.ofSeconds(30));
        return ids;
    }
}

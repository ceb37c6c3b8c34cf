package dev.kirana.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * A relay that dies half-way through a batch (after some of its records reached Kafka) loses nothing
 * and reorders nothing: its transaction rolls back, the rows stay unsent, and the next relay sends
 * them again. Delivery is at least once; the first occurrence of each event is in append order per key.
 */
class OutboxRelayCrashTest extends MessagingTestSupport {
    private static final String TOPIC = "kirana.test.relay";
    private static final String TYPE = "kirana.test.sequenced.v1";
    private static final int EVENTS = 300;
    private static final int KEYS = 5;
    private static final int BATCH = 100;
    /** Records the dying relay really sends before it dies: all of batch 1 and 30 of batch 2. */
    private static final int SENT_BEFORE_DEATH = 130;

    enum Death {
        /** send() throws: the process died while handing records to the producer. */
        THROWS,
        /** the broker never acknowledged the rest: the ack future fails. */
        FAILED_ACK
    }

    @ParameterizedTest
    @EnumSource(Death.class)
    void aRelayThatDiesMidBatchLosesNothingAndKeepsOrderPerKey(Death death) {
        Appended appended = appendEvents();

        AtomicInteger forwarded = new AtomicInteger();
        EventPublisher dying = record -> {
            if (forwarded.incrementAndGet() > SENT_BEFORE_DEATH) {
                if (death == Death.THROWS) {
                    throw new IllegalStateException("relay process died");
                }
                return CompletableFuture.failedFuture(new IllegalStateException("relay process died"));
            }
            return kafka.publish(record);
        };

        StepVerifier.create(relay(dying, BATCH).drain())
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("relay process died"))
                .verify(Duration.ofSeconds(30));
        assertThat(outboxRows(appended.keys(), true)).as("only the first batch was acknowledged and marked").isEqualTo(BATCH);
        assertThat(outboxRows(appended.keys(), false)).isEqualTo(EVENTS - BATCH);

        StepVerifier.create(relay(kafka, BATCH).drain())
                .expectNext(EVENTS - BATCH)
                .verifyComplete();
        assertThat(outboxRows(appended.keys(), false)).as("unsent rows after the second relay").isZero();
        assertThat(outboxRows(appended.keys(), true)).isEqualTo(EVENTS);

        List<ConsumerRecord<String, byte[]>> received = awaitRecords(appended, EVENTS + SENT_BEFORE_DEATH - BATCH);
        assertDeliveredAtLeastOnceInOrder(appended, received);
        assertThat(received).as("the 30 records sent before the death arrive twice, nothing else does")
                .hasSize(EVENTS + SENT_BEFORE_DEATH - BATCH);
    }

    @Test
    void aRelayWhoseSubscriptionIsDisposedMidBatchRollsBackAndTheNextRelayDeliversEverything() throws Exception {
        Appended appended = appendEvents();

        AtomicInteger forwarded = new AtomicInteger();
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EventPublisher stalling = record -> {
            if (forwarded.incrementAndGet() == SENT_BEFORE_DEATH + 1) {
                stuck.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    // disposing the relay may interrupt its sending thread: that is one more way to die mid-batch
                    Thread.currentThread().interrupt();
                    return CompletableFuture.failedFuture(e);
                }
            }
            return kafka.publish(record);
        };

        Disposable inFlight = relay(stalling, BATCH).drain().subscribe(n -> { }, e -> { });
        assertThat(stuck.await(20, TimeUnit.SECONDS)).as("the relay reached the middle of its second batch").isTrue();
        inFlight.dispose();
        release.countDown();

        assertThat(outboxRows(appended.keys(), true)).as("only the first batch was acknowledged and marked").isEqualTo(BATCH);

        // the disposed batch's transaction rolls back and frees the relay lock; then a fresh relay drains the rest
        OutboxRelay fresh = relay(kafka, BATCH);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            fresh.drain().block(Duration.ofSeconds(20));
            assertThat(outboxRows(appended.keys(), false)).isZero();
        });
        assertThat(outboxRows(appended.keys(), true)).isEqualTo(EVENTS);

        List<ConsumerRecord<String, byte[]>> received = awaitRecords(appended, EVENTS);
        assertDeliveredAtLeastOnceInOrder(appended, received);
    }

    @Test
    void twoRelaysDrainingAtOnceSendEveryEventOnceAndInOrderPerKey() {
        Appended appended = appendEvents();
        Map<String, Integer> sends = new ConcurrentHashMap<>();
        EventPublisher counting = record -> {
            sends.merge(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8), 1, Integer::sum);
            return kafka.publish(record);
        };
        // small batches, so that the two relays contend for the relay lock many times
        OutboxRelay first = relay(counting, 10);
        OutboxRelay second = relay(counting, 10);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            Flux.merge(first.drain().subscribeOn(Schedulers.boundedElastic()), second.drain().subscribeOn(Schedulers.boundedElastic()))
                    .blockLast(Duration.ofSeconds(30));
            assertThat(outboxRows(appended.keys(), false)).isZero();
        });

        assertThat(sends).as("events handed to the producer").hasSize(EVENTS);
        assertThat(sends.values()).as("times each event was sent").containsOnly(1);
        List<ConsumerRecord<String, byte[]>> received = awaitRecords(appended, EVENTS);
        assertDeliveredAtLeastOnceInOrder(appended, received);
    }

    /** Appends the events one transaction each, keys interleaved, remembering the order per key. */
    private Appended appendEvents() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, List<String>> idsByKey = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            keys.add("order-" + run + "-" + k);
            idsByKey.put(keys.get(k), new ArrayList<>());
        }
        Flux.range(0, EVENTS)
                .concatMap(i -> {
                    String key = keys.get(i % KEYS);
                    return tx.transactional(outbox.append(TOPIC, TYPE, key, "shop-1", Map.of("n", i)))
                            .doOnNext(e -> idsByKey.get(key).add(e.getId()));
                })
                .blockLast(Duration.ofSeconds(60));
        assertThat(outboxRows(idsByKey.keySet(), false)).isEqualTo(EVENTS);
        return new Appended(idsByKey);
    }

    /** Reads the topic until every appended event arrived and there are at least {@code atLeast} of this run's records. */
    private List<ConsumerRecord<String, byte[]>> awaitRecords(Appended appended, int atLeast) {
        try (TopicProbe probe = probe(TOPIC)) {
            return appended.mine(probe.awaitUntil(seen -> {
                List<ConsumerRecord<String, byte[]>> mine = appended.mine(seen);
                return mine.size() >= atLeast
                        && mine.stream().map(r -> TopicProbe.header(r, "ce_id")).distinct().count() == EVENTS;
            }, Duration.ofSeconds(60)));
        }
    }

    private static void assertDeliveredAtLeastOnceInOrder(Appended appended, List<ConsumerRecord<String, byte[]>> received) {
        Set<String> allIds = new HashSet<>();
        appended.idsByKey().values().forEach(allIds::addAll);
        assertThat(allIds).hasSize(EVENTS);

        Map<String, List<String>> firstOccurrences = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : received) {
            String id = TopicProbe.header(r, "ce_id");
            assertThat(TopicProbe.header(r, "ce_subject")).isEqualTo(r.key());
            if (seen.add(id)) {
                firstOccurrences.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(id);
            }
        }
        assertThat(seen).as("every event id is delivered").containsExactlyInAnyOrderElementsOf(allIds);
        appended.idsByKey().forEach((key, ids) ->
                assertThat(firstOccurrences.get(key)).as("first occurrences for key %s in append order", key)
                        .containsExactlyElementsOf(ids));
    }

    record Appended(Map<String, List<String>> idsByKey) {
        Set<String> keys() {
            return idsByKey.keySet();
        }

        List<ConsumerRecord<String, byte[]>> mine(List<ConsumerRecord<String, byte[]>> records) {
            return records.stream().filter(r -> idsByKey.containsKey(r.key())).toList();
        }
    }
}

package dev.kirana.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirana.events.KiranaEvents;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** A redelivered event has no second effect; a failed handler leaves no trace, so the retry runs it again. */
class InboxIdempotencyTest extends MessagingTestSupport {
    private static final String CONSUMER = "inbox-test";
    private static final String TYPE = "kirana.test.handled.v1";

    private final AtomicInteger invocations = new AtomicInteger();

    /** A handler whose effect is not idempotent by itself: each run inserts one more row. */
    private EventHandler insertsOneEffect() {
        return event -> {
            invocations.incrementAndGet();
            // hold the transaction open a little, so concurrent duplicates really overlap
            return Mono.delay(Duration.ofMillis(50)).then(TestEffects.insert(db, event.getId(), "handled"));
        };
    }

    @Test
    void theSameEventProcessedTwiceHasOneEffect() {
        CloudEvent event = event();

        StepVerifier.create(inbox.process(CONSUMER, event, insertsOneEffect())).expectNext(true).verifyComplete();
        StepVerifier.create(inbox.process(CONSUMER, event, insertsOneEffect())).expectNext(false).verifyComplete();

        assertThat(TestEffects.count(db, event.getId())).isEqualTo(1);
        assertThat(invocations).hasValue(1);
        assertThat(inboxRows(CONSUMER, event.getId())).isEqualTo(1);
    }

    @Test
    void eightConcurrentDeliveriesOfTheSameEventHaveOneEffect() {
        CloudEvent event = event();

        List<Boolean> ran = Flux.range(0, 8)
                .flatMap(i -> inbox.process(CONSUMER, event, insertsOneEffect()).subscribeOn(Schedulers.parallel()), 8)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(ran).hasSize(8).containsOnlyOnce(true);
        assertThat(TestEffects.count(db, event.getId())).isEqualTo(1);
        assertThat(invocations).hasValue(1);
    }

    @Test
    void eightListenerThreadsHandlingTheSameRecordHaveOneEffect() throws Exception {
        CloudEvent event = event();
        ConsumerRecord<String, byte[]> record = consumerRecord(KiranaEvents.toRecord("kirana.test.events", event.getSubject(), event));
        Map<String, EventHandler> handlers = Map.of(TYPE, insertsOneEffect());

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                done.add(threads.submit(() -> {
                    go.await();
                    inbox.handle(CONSUMER, record, handlers);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(TestEffects.count(db, event.getId())).isEqualTo(1);
        assertThat(invocations).hasValue(1);
    }

    @Test
    void aFailingHandlerRollsBackItsEffectsAndItsInboxRowSoTheRetryRunsAgain() {
        CloudEvent event = event();
        EventHandler failsAfterItsEffect = e -> TestEffects.insert(db, e.getId(), "handled")
                .then(Mono.error(new IllegalStateException("ledger is locked")));

        StepVerifier.create(inbox.process(CONSUMER, event, failsAfterItsEffect))
                .expectErrorMessage("ledger is locked")
                .verify(Duration.ofSeconds(10));
        assertThat(TestEffects.count(db, event.getId())).as("effects of the failed attempt").isZero();
        assertThat(inboxRows(CONSUMER, event.getId())).as("inbox row of the failed attempt").isZero();

        StepVerifier.create(inbox.process(CONSUMER, event, insertsOneEffect())).expectNext(true).verifyComplete();
        assertThat(TestEffects.count(db, event.getId())).isEqualTo(1);
        assertThat(inboxRows(CONSUMER, event.getId())).isEqualTo(1);
    }

    @Test
    void eachConsumerHandlesAnEventOnce() {
        CloudEvent event = event();

        StepVerifier.create(inbox.process("accounting", event, insertsOneEffect())).expectNext(true).verifyComplete();
        StepVerifier.create(inbox.process("reporting", event, insertsOneEffect())).expectNext(true).verifyComplete();
        StepVerifier.create(inbox.process("reporting", event, insertsOneEffect())).expectNext(false).verifyComplete();

        assertThat(TestEffects.count(db, event.getId())).isEqualTo(2);
    }

    @Test
    void typesWithoutAHandlerAreAcknowledgedWithoutAnInboxRow() {
        CloudEvent event = KiranaEvents.event("kirana.test.added-later.v1", "test", "order-1", "shop-1", Map.of("n", 1));

        inbox.handle(CONSUMER, consumerRecord(KiranaEvents.toRecord("kirana.test.events", "order-1", event)),
                Map.of(TYPE, insertsOneEffect()));

        assertThat(invocations).hasValue(0);
        assertThat(inboxRows(CONSUMER, event.getId())).isZero();
    }

    @Test
    void recordsThatCanNeverBeHandledArePoison() {
        var garbage = new ProducerRecord<String, byte[]>("kirana.test.events", "k", "{not a cloud event".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> inbox.handle(CONSUMER, consumerRecord(garbage), Map.of(TYPE, insertsOneEffect())))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("not a CloudEvent");

        CloudEvent noShop = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(TYPE)
                .withSource(URI.create("test"))
                .withSubject("order-1")
                .withTime(OffsetDateTime.now())
                .withDataContentType(KiranaEvents.JSON)
                .withData("{}".getBytes(StandardCharsets.UTF_8))
                .build();
        assertThatThrownBy(() -> inbox.handle(CONSUMER, consumerRecord(KiranaEvents.toRecord("kirana.test.events", "order-1", noShop)),
                Map.of(TYPE, insertsOneEffect())))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("no shopid");

        assertThat(invocations).hasValue(0);
    }

    private static CloudEvent event() {
        String orderId = "order-" + UUID.randomUUID();
        return KiranaEvents.event(TYPE, "test", orderId, "shop-1", Map.of("orderId", orderId));
    }

    /** The record as a listener receives it: same key, value and headers as produced. */
    static ConsumerRecord<String, byte[]> consumerRecord(ProducerRecord<String, byte[]> produced) {
        return new ConsumerRecord<>(produced.topic(), 0, 0L, System.currentTimeMillis(), TimestampType.CREATE_TIME,
                -1, produced.value() == null ? -1 : produced.value().length, produced.key(), produced.value(),
                produced.headers(), Optional.empty());
    }

    private long inboxRows(String consumer, String eventId) {
        return db.sql("SELECT count(*) AS n FROM kirana_inbox WHERE consumer = :c AND event_id = :id")
                .bind("c", consumer)
                .bind("id", eventId)
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }
}

package dev.kirana.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kirana.events.KiranaEvents;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import reactor.core.publisher.Mono;

/**
 * A poll's records handled in one transaction: each event once, in record order, redeliveries and unknown types
 * skipped; a record that fails is found, those before it stay handled, and it is reported by its index.
 */
class InboxBatchTest extends MessagingTestSupport {
    private static final String CONSUMER = "inbox-batch-test";
    private static final String TYPE = "kirana.test.batched.v1";
    private static final String TOPIC = "kirana.test.events";

    private final List<String> handled = Collections.synchronizedList(new ArrayList<>());

    private final EventHandler recordsAndInserts = event -> Mono.fromRunnable(() -> handled.add(event.getId()))
            .then(TestEffects.insert(db, event.getId(), "batched"));

    @Test
    void aBatchRunsEachNewEventOnceInRecordOrder() {
        List<CloudEvent> events = List.of(event(), event(), event());
        CloudEvent later = KiranaEvents.event("kirana.test.added-later.v1", "test", "order-x", "shop-1", Map.of("n", 1));
        List<ConsumerRecord<String, byte[]>> batch = List.of(record(events.get(0)), record(events.get(1)), record(later),
                record(events.get(0)), record(events.get(2)));

        inbox.handleBatch(CONSUMER, batch, Map.of(TYPE, recordsAndInserts));

        assertThat(handled).as("handled, in order; the redelivered first event and the unknown type skipped")
                .containsExactly(events.get(0).getId(), events.get(1).getId(), events.get(2).getId());
        events.forEach(e -> assertThat(TestEffects.count(db, e.getId())).isEqualTo(1));
        assertThat(inboxRows(later.getId())).as("no inbox row for a type without a handler").isZero();

        // the whole poll delivered again (the offsets were not committed): nothing runs twice
        inbox.handleBatch(CONSUMER, batch, Map.of(TYPE, recordsAndInserts));
        assertThat(handled).hasSize(3);
        events.forEach(e -> assertThat(TestEffects.count(db, e.getId())).isEqualTo(1));
    }

    @Test
    void aFailingRecordIsReportedByItsIndexAndThoseBeforeItStayHandled() {
        List<CloudEvent> events = List.of(event(), event(), event(), event());
        String failing = events.get(2).getId();
        EventHandler failsOnTheThird = event -> failing.equals(event.getId())
                ? TestEffects.insert(db, event.getId(), "batched").then(Mono.error(new IllegalStateException("period is locked")))
                : recordsAndInserts.handle(event);

        BatchListenerFailedException failed = catchThrowableOfType(BatchListenerFailedException.class,
                () -> inbox.handleBatch(CONSUMER, events.stream().map(InboxBatchTest::record).toList(), Map.of(TYPE, failsOnTheThird)));

        assertThat(failed.getIndex()).isEqualTo(2);
        assertThat(failed).hasRootCauseMessage("period is locked");
        assertThat(TestEffects.count(db, events.get(0).getId())).isEqualTo(1);
        assertThat(TestEffects.count(db, events.get(1).getId())).isEqualTo(1);
        assertThat(TestEffects.count(db, failing)).as("the failed record's effects roll back").isZero();
        assertThat(inboxRows(failing)).isZero();
        assertThat(TestEffects.count(db, events.get(3).getId())).as("after the failed one: left for the retry").isZero();
    }

    @Test
    void aRecordThatIsNotACloudEventIsPoisonAfterThoseBeforeItAreHandled() {
        CloudEvent first = event();
        var garbage = InboxIdempotencyTest.consumerRecord(
                new ProducerRecord<>(TOPIC, "k", "{not a cloud event".getBytes(StandardCharsets.UTF_8)));

        BatchListenerFailedException failed = catchThrowableOfType(BatchListenerFailedException.class,
                () -> inbox.handleBatch(CONSUMER, List.of(record(first), garbage, record(event())), Map.of(TYPE, recordsAndInserts)));

        assertThat(failed.getIndex()).isEqualTo(1);
        assertThat(failed.getCause()).isInstanceOf(PoisonMessageException.class);
        assertThat(handled).containsExactly(first.getId());
        assertThat(TestEffects.count(db, first.getId())).isEqualTo(1);
    }

    @Test
    void aContendedBatchThatWaitsOnALockHandsOverToOneTransactionPerRecord() {
        List<CloudEvent> events = List.of(event(), event(), event());
        List<ConsumerRecord<String, byte[]>> batch = events.stream().map(InboxBatchTest::record).toList();
        // another transaction holds the lock for 1 s, five times the batch's lock timeout (200 ms)
        var holder = holdLock(4242, Duration.ofSeconds(1));
        inbox.handleContendedBatch(CONSUMER, batch, Map.of(TYPE, takesLock(4242)));
        holder.dispose();

        assertThat(handled).as("the batch gave up on the first record's lock, then each record ran in its own transaction")
                .containsExactly(events.get(0).getId(), events.get(0).getId(), events.get(1).getId(), events.get(2).getId());
        events.forEach(e -> assertThat(TestEffects.count(db, e.getId())).as("once each").isEqualTo(1));
    }

    @Test
    void anUncontendedBatchWaitsForTheLock() {
        List<CloudEvent> events = List.of(event(), event());
        var holder = holdLock(4243, Duration.ofMillis(600));
        inbox.handleBatch(CONSUMER, events.stream().map(InboxBatchTest::record).toList(), Map.of(TYPE, takesLock(4243)));
        holder.dispose();

        assertThat(handled).as("one transaction for both, however long the lock is held")
                .containsExactly(events.get(0).getId(), events.get(1).getId());
        events.forEach(e -> assertThat(TestEffects.count(db, e.getId())).isEqualTo(1));
    }

    /** A handler that records its run, takes advisory lock {@code key} for its transaction, and writes its effect. */
    private EventHandler takesLock(long key) {
        return event -> Mono.fromRunnable(() -> handled.add(event.getId()))
                .then(db.sql("SELECT pg_advisory_xact_lock(:k)").bind("k", key).fetch().rowsUpdated())
                .then(TestEffects.insert(db, event.getId(), "batched"));
    }

    /** Another transaction holding advisory lock {@code key} for {@code howLong}, once it holds it. */
    private reactor.core.Disposable holdLock(long key, Duration howLong) {
        var holder = tx.transactional(db.sql("SELECT pg_advisory_xact_lock(:k)").bind("k", key).fetch().rowsUpdated()
                .then(Mono.delay(howLong))).subscribe();
        waitUntilHeld(key);
        return holder;
    }

    private void waitUntilHeld(long key) {
        for (int i = 0; i < 100; i++) {
            // a bigint advisory key is (classid, objid) = (high, low 32 bits), objsubid 1
            Long held = db.sql("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid::text::bigint = :k AND objsubid = 1")
                    .bind("k", key)
                    .map(r -> r.get("n", Long.class)).one().block();
            if (held != null && held > 0) {
                return;
            }
            Mono.delay(Duration.ofMillis(20)).block();
        }
        throw new AssertionError("the other transaction never took the lock");
    }

    private static CloudEvent event() {
        String orderId = "order-" + UUID.randomUUID();
        return KiranaEvents.event(TYPE, "test", orderId, "shop-1", Map.of("orderId", orderId));
    }

    private static ConsumerRecord<String, byte[]> record(CloudEvent event) {
        return InboxIdempotencyTest.consumerRecord(KiranaEvents.toRecord(TOPIC, event.getSubject(), event));
    }

    private long inboxRows(String eventId) {
        return db.sql("SELECT count(*) AS n FROM kirana_inbox WHERE consumer = :c AND event_id = :id")
                .bind("c", CONSUMER)
                .bind("id", eventId)
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }
}

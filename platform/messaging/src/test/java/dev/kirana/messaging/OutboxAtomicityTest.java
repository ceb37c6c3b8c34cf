package dev.kirana.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.EventSchemaValidator;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The state change and its event commit together or not at all; a committed event reaches Kafka as the contract says. */
class OutboxAtomicityTest extends MessagingTestSupport {

    @Test
    void aUnitOfWorkThatFailsAfterTheOutboxAppendLeavesNeitherTheEventNorTheChange() {
        String orderId = "order-" + UUID.randomUUID();
        AtomicReference<CloudEvent> appended = new AtomicReference<>();

        Mono<Void> unitOfWork = TestEffects.insert(db, orderId, "order-cancelled")
                .then(outbox.append(Topics.ORDER, EventTypes.ORDER_CANCELLED, orderId, "shop-1",
                        new OrderEvents.OrderCancelled(orderId, "customer changed their mind")))
                .doOnNext(appended::set)
                .then(Mono.error(new IllegalStateException("payment gateway said no")));

        StepVerifier.create(tx.transactional(unitOfWork))
                .expectErrorMessage("payment gateway said no")
                .verify(Duration.ofSeconds(10));

        assertThat(appended.get()).as("the outbox append ran before the failure").isNotNull();
        assertThat(TestEffects.count(db, orderId)).as("state change").isZero();
        assertThat(outboxRowsFor(orderId)).as("outbox rows").isZero();
        // nothing is left for a relay to publish
        assertThat(relay(kafka, 100).drain().block(Duration.ofSeconds(10))).isZero();
    }

    @Test
    void aCommittedEventIsPublishedWithCloudEventsHeadersKeyedByTheAggregateAndValidAgainstItsSchema() {
        String orderId = "order-" + UUID.randomUUID();
        var cancelled = new OrderEvents.OrderCancelled(orderId, "out of stock");

        CloudEvent appended = tx.transactional(TestEffects.insert(db, orderId, "order-cancelled")
                        .then(outbox.append(Topics.ORDER, EventTypes.ORDER_CANCELLED, orderId, "shop-42", cancelled)))
                .block(Duration.ofSeconds(10));
        assertThat(TestEffects.count(db, orderId)).isEqualTo(1);
        assertThat(outboxRowsFor(orderId)).isEqualTo(1);

        StepVerifier.create(relay(kafka, 100).drain()).expectNext(1).verifyComplete();
        assertThat(outboxRows(Topics.ORDER, false)).as("unsent rows after the relay ran").isZero();

        try (TopicProbe probe = probe(Topics.ORDER)) {
            List<ConsumerRecord<String, byte[]>> mine = probe.awaitUntil(
                            seen -> seen.stream().anyMatch(r -> orderId.equals(r.key())), Duration.ofSeconds(20))
                    .stream().filter(r -> orderId.equals(r.key())).toList();
            assertThat(mine).hasSize(1);
            ConsumerRecord<String, byte[]> record = mine.get(0);

            assertThat(record.key()).isEqualTo(orderId);
            assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicProbe.header(record, "ce_id")).isEqualTo(appended.getId());
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo(EventTypes.ORDER_CANCELLED);
            assertThat(TopicProbe.header(record, "ce_source")).isEqualTo(MessagingTestApplication.NAME);
            assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(orderId);
            assertThat(TopicProbe.header(record, "ce_shopid")).isEqualTo("shop-42");
            assertThat(TopicProbe.header(record, "ce_time")).isNotBlank();
            assertThat(TopicProbe.header(record, "content-type")).isEqualTo("application/json");

            CloudEvent received = KiranaEvents.fromRecord(record);
            assertThat(new EventSchemaValidator().validate(received)).isEmpty();
            assertThat(KiranaEvents.data(received, OrderEvents.OrderCancelled.class)).isEqualTo(cancelled);
            assertThat(received.getTime().toInstant())
                    .isEqualTo(appended.getTime().toInstant().truncatedTo(ChronoUnit.MICROS));
        }
    }

    private long outboxRowsFor(String subject) {
        return db.sql("SELECT count(*) AS n FROM kirana_outbox WHERE subject = :s")
                .bind("s", subject)
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }
}

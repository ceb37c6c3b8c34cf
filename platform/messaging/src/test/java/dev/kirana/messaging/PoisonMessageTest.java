package dev.kirana.messaging;

import static dev.kirana.messaging.MessagingTestApplication.FAILING;
import static dev.kirana.messaging.MessagingTestApplication.HANDLED;
import static dev.kirana.messaging.MessagingTestApplication.PARSED;
import static dev.kirana.messaging.MessagingTestApplication.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Through the real listener container, error handler and broker: a record that is not a CloudEvent,
 * one whose handler keeps failing (after bounded retries) and one whose data does not parse (at once)
 * end up on {@code <topic>.dlq}, and the records behind them on the same partition are still handled;
 * a redelivered record has no second effect.
 */
class PoisonMessageTest extends MessagingTestSupport {
    @Autowired KafkaTemplate<String, byte[]> template;
    @Autowired MessagingTestApplication.TestEventListener listener;
    @Autowired MeterRegistry meters;

    @Test
    void poisonAndFailingRecordsGoToTheDeadLetterTopicAndDoNotBlockThePartition() throws Exception {
        String key = "order-" + UUID.randomUUID(); // one key: one partition, so the records queue behind each other
        byte[] garbageBytes = "\u0000\u0001 not a cloud event".getBytes(StandardCharsets.UTF_8);
        CloudEvent failing = KiranaEvents.event(FAILING, "test", key, "shop-1", Map.of("orderId", key));
        CloudEvent unparseable = KiranaEvents.event(UUID.randomUUID().toString(), PARSED, "test", key, "shop-1",
                OffsetDateTime.now(), "{\"orderId\": [".getBytes(StandardCharsets.UTF_8));
        CloudEvent valid = KiranaEvents.event(HANDLED, "test", key, "shop-1", Map.of("orderId", key));
        CloudEvent last = KiranaEvents.event(HANDLED, "test", key, "shop-1", Map.of("orderId", key));

        send(new ProducerRecord<>(TOPIC, key, garbageBytes));
        send(KiranaEvents.toRecord(TOPIC, key, failing));
        send(KiranaEvents.toRecord(TOPIC, key, unparseable));
        send(KiranaEvents.toRecord(TOPIC, key, valid));
        send(KiranaEvents.toRecord(TOPIC, key, valid)); // redelivered, e.g. by a relay that died before marking it
        send(KiranaEvents.toRecord(TOPIC, key, last));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> TestEffects.count(db, last.getId()) == 1);

        assertThat(TestEffects.count(db, valid.getId())).as("effects of the record delivered twice").isEqualTo(1);
        assertThat(listener.attempts(valid.getId())).as("handler runs for the record delivered twice").isEqualTo(1);
        assertThat(listener.attempts(failing.getId())).as("bounded retries: first attempt + retries")
                .isEqualTo(MessagingIntegrationTest.MAX_RETRIES + 1);
        assertThat(TestEffects.count(db, failing.getId())).isZero();
        assertThat(listener.attempts(unparseable.getId())).as("data that does not parse is not retried").isEqualTo(1);
        assertThat(meters.counter("kirana.messaging.dead-lettered", "topic", TOPIC).count()).isGreaterThanOrEqualTo(3);

        try (TopicProbe probe = probe(Topics.deadLetter(TOPIC))) {
            List<ConsumerRecord<String, byte[]>> parked = probe.awaitUntil(
                            seen -> seen.stream().filter(r -> key.equals(r.key())).count() >= 3, Duration.ofSeconds(60))
                    .stream().filter(r -> key.equals(r.key())).toList();
            assertThat(parked).hasSize(3);

            ConsumerRecord<String, byte[]> poison = parked.get(0);
            assertThat(poison.value()).isEqualTo(garbageBytes);
            assertThat(TopicProbe.header(poison, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
            assertThat(poison.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)).isNotNull();
            assertThat(TopicProbe.header(poison, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                    .isEqualTo(PoisonMessageException.class.getName());
            assertThat(TopicProbe.header(poison, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("not a CloudEvent");

            ConsumerRecord<String, byte[]> failed = parked.get(1);
            assertThat(TopicProbe.header(failed, "ce_id")).as("the CloudEvent headers travel with it").isEqualTo(failing.getId());
            assertThat(TopicProbe.header(failed, "ce_type")).isEqualTo(FAILING);
            assertThat(TopicProbe.header(failed, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
            assertThat(TopicProbe.header(failed, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                    .isEqualTo(IllegalStateException.class.getName());
            assertThat(TopicProbe.header(failed, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("handler bug for " + failing.getId());

            ConsumerRecord<String, byte[]> badData = parked.get(2);
            assertThat(TopicProbe.header(badData, "ce_id")).isEqualTo(unparseable.getId());
            assertThat(TopicProbe.header(badData, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).startsWith("tools.jackson.");
        }
    }

    @Test
    void aRecordThatMeetsADatabaseOutageWaitsForTheDatabaseInsteadOfGoingToTheDeadLetterTopic() throws Exception {
        String key = "order-" + UUID.randomUUID();
        CloudEvent outage = KiranaEvents.event(MessagingTestApplication.OUTAGE, "test", key, "shop-1", Map.of("orderId", key));
        CloudEvent behind = KiranaEvents.event(HANDLED, "test", key, "shop-1", Map.of("orderId", key));
        double parkedBefore = meters.counter("kirana.messaging.dead-lettered", "topic", TOPIC).count();

        send(KiranaEvents.toRecord(TOPIC, key, outage));
        send(KiranaEvents.toRecord(TOPIC, key, behind));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> TestEffects.count(db, behind.getId()) == 1);
        // 6 failed attempts (the bounded retries are 1 + 2), then the database is back and the effect is there, once
        assertThat(listener.attempts(outage.getId())).isEqualTo(MessagingTestApplication.OUTAGE_ATTEMPTS + 1);
        assertThat(TestEffects.count(db, outage.getId())).isEqualTo(1);
        assertThat(meters.counter("kirana.messaging.dead-lettered", "topic", TOPIC).count()).as("nothing parked").isEqualTo(parkedBefore);
    }

    @Test
    void outagesAreToldFromBadRecords() {
        assertThat(Outages.isOutage(new org.springframework.transaction.CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(Outages.isOutage(new RuntimeException("wrapped", new io.r2dbc.spi.R2dbcNonTransientResourceException("closed")))).isTrue();
        assertThat(Outages.isOutage(new IllegalStateException("Timeout on blocking read for 30000000000 NANOSECONDS"))).isTrue();
        assertThat(Outages.isOutage(new org.springframework.dao.PessimisticLockingFailureException("deadlock detected"))).isTrue();
        assertThat(Outages.isOutage(new IllegalStateException("handler bug"))).isFalse();
        assertThat(Outages.isOutage(new org.springframework.dao.DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(Outages.isOutage(new PoisonMessageException("not a CloudEvent", null))).isFalse();
    }

    private void send(ProducerRecord<String, byte[]> record) throws Exception {
        template.send(record).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
}

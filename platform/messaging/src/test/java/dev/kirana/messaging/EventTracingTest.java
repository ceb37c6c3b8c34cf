package dev.kirana.messaging;

import static dev.kirana.messaging.MessagingTestApplication.FOLLOW_UP;
import static dev.kirana.messaging.MessagingTestApplication.FOLLOW_UP_TOPIC;
import static dev.kirana.messaging.MessagingTestApplication.TOPIC;
import static dev.kirana.messaging.MessagingTestApplication.TRACED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.testing.TopicProbe;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A trace crosses the outbox and Kafka: the row written inside a span keeps its W3C context, the relay sends it
 * as the CloudEvents tracing extension ({@code ce_traceparent}) and as the plain {@code traceparent} header, and
 * the consumer handles the event in a CONSUMER span under it, with the trace id in its log lines and on the
 * events it appends in turn. The request id of the request that wrote the row goes along the same way.
 */
class EventTracingTest extends MessagingTestSupport {
    @Autowired Tracer tracer;
    @Autowired ObservationRegistry observations;
    @Autowired InMemorySpanExporter spans;
    @Autowired MessagingTestApplication.TestEventListener listener;

    @Test
    void anOutboxRowKeepsTheTraceOfTheChangeThatWroteItAndTheRelaySendsItAsHeaders() {
        String subject = "order-" + UUID.randomUUID();
        String untraced = "order-" + UUID.randomUUID();
        String requestId = "req-" + UUID.randomUUID();
        TraceContext sale = observed("place sale", () -> append(FOLLOW_UP_TOPIC, FOLLOW_UP, subject, requestId));
        append(FOLLOW_UP_TOPIC, FOLLOW_UP, untraced, null);

        String traceparent = "00-" + sale.traceId() + "-" + sale.spanId() + "-01";
        assertThat(rowTraceparent(subject)).isEqualTo(traceparent);
        assertThat(row(subject, FOLLOW_UP, "request_id")).isEqualTo(requestId);
        assertThat(rowTraceparent(untraced)).as("written outside any trace").isNull();
        assertThat(row(untraced, FOLLOW_UP, "request_id")).as("written outside any request").isNull();

        try (TopicProbe probe = probe(FOLLOW_UP_TOPIC)) {
            relay(kafka, 100).drain().block(Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> seen = probe.awaitUntil(
                    rs -> rs.stream().filter(r -> subject.equals(r.key()) || untraced.equals(r.key())).count() == 2,
                    Duration.ofSeconds(30));
            ConsumerRecord<String, byte[]> traced = seen.stream().filter(r -> subject.equals(r.key())).findFirst().orElseThrow();
            assertThat(TopicProbe.header(traced, "ce_traceparent")).isEqualTo(traceparent);
            assertThat(TopicProbe.header(traced, "traceparent")).isEqualTo(traceparent);
            assertThat(TopicProbe.header(traced, "ce_requestid")).isEqualTo(requestId);
            ConsumerRecord<String, byte[]> plain = seen.stream().filter(r -> untraced.equals(r.key())).findFirst().orElseThrow();
            assertThat(plain.headers().lastHeader("ce_traceparent")).isNull();
            assertThat(plain.headers().lastHeader("traceparent")).isNull();
            assertThat(plain.headers().lastHeader("ce_requestid")).isNull();
        }
    }

    @Test
    void theConsumerHandlesAnEventInASpanUnderTheTraceItCarries() {
        consumedInTheirOwnSpans(TOPIC, 1);
    }

    @Test
    void aBatchListenerHandlesEachEventOfAPollInItsOwnSpanUnderItsOwnTrace() {
        consumedInTheirOwnSpans(MessagingTestApplication.BATCH_TOPIC, 3);
    }

    /** {@code n} sales, each in its own trace, relayed together: each event's handling is a span under its own sale. */
    private void consumedInTheirOwnSpans(String topic, int n) {
        List<String> subjects = new java.util.ArrayList<>();
        List<String> requestIds = new java.util.ArrayList<>();
        List<TraceContext> sales = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            String subject = "order-" + UUID.randomUUID();
            String requestId = "req-" + UUID.randomUUID();
            subjects.add(subject);
            requestIds.add(requestId);
            sales.add(observed("place sale", () -> append(topic, TRACED, subject, requestId)));
        }

        relay(kafka, 100).drain().block(Duration.ofSeconds(30));
        for (int i = 0; i < n; i++) {
            String subject = subjects.get(i);
            String requestId = requestIds.get(i);
            TraceContext sale = sales.get(i);
            String eventId = eventId(subject, TRACED);
            await().atMost(Duration.ofSeconds(60)).until(() -> eventIdOrNull(subject, FOLLOW_UP) != null);

            SpanData consumed = await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getKind() == SpanKind.CONSUMER && eventId.equals(attribute(s, "cloudevents.event_id")))
                    .findFirst().orElse(null), s -> s != null);
            assertThat(consumed.getTraceId()).isEqualTo(sale.traceId());
            assertThat(consumed.getParentSpanId()).as("the span that wrote the outbox row").isEqualTo(sale.spanId());
            assertThat(consumed.getName()).isEqualTo("process " + topic);
            assertThat(attribute(consumed, "kirana.request_id")).isEqualTo(requestId);

            assertThat(listener.loggedTraceIds.get(eventId)).as("the handler's log line").isEqualTo(sale.traceId());
            assertThat(rowTraceparent(subject, FOLLOW_UP)).as("the event the handler appended")
                    .isEqualTo("00-" + sale.traceId() + "-" + consumed.getSpanId() + "-01");

            assertThat(listener.loggedRequestIds.get(eventId)).as("the handler's log line").isEqualTo(requestId);
            assertThat(listener.contextRequestIds.get(eventId)).as("the handler's Reactor context").isEqualTo(requestId);
            assertThat(row(subject, FOLLOW_UP, "request_id")).as("the event the handler appended").isEqualTo(requestId);
        }
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals(key)).map(e -> e.getValue().toString())
                .findFirst().orElse(null);
    }

    /** Runs {@code work} in an observation (as a request's handling is) and returns that observation's span. */
    private TraceContext observed(String name, Runnable work) {
        return Observation.createNotStarted(name, observations).observe(() -> {
            TraceContext context = tracer.currentSpan().context();
            work.run();
            return context;
        });
    }

    /** Appends as a request's handling does: in a transaction, with the request's id (if any) in the Reactor context. */
    private void append(String topic, String type, String subject, String requestId) {
        tx.transactional(outbox.append(topic, type, subject, "shop-1", Map.of("orderId", subject)))
                .contextWrite(ctx -> requestId == null ? ctx : ctx.put(EventTracing.REQUEST_ID_CONTEXT_KEY, requestId))
                .contextCapture()
                .block(Duration.ofSeconds(10));
    }

    private String rowTraceparent(String subject) {
        return rowTraceparent(subject, FOLLOW_UP);
    }

    private String rowTraceparent(String subject, String type) {
        return row(subject, type, "traceparent");
    }

    private String row(String subject, String type, String column) {
        return db.sql("SELECT " + column + " AS v FROM kirana_outbox WHERE subject = :s AND event_type = :t")
                .bind("s", subject)
                .bind("t", type)
                .map(r -> Optional.ofNullable(r.get("v", String.class)))
                .one()
                .block()
                .orElse(null);
    }

    private String eventId(String subject, String type) {
        String id = eventIdOrNull(subject, type);
        assertThat(id).isNotNull();
        return id;
    }

    private String eventIdOrNull(String subject, String type) {
        return db.sql("SELECT event_id::text AS id FROM kirana_outbox WHERE subject = :s AND event_type = :t")
                .bind("s", subject)
                .bind("t", type)
                .map(r -> r.get("id", String.class))
                .one()
                .block();
    }
}

package dev.kirana.messaging;

import dev.kirana.events.KiranaEvents;
import io.cloudevents.CloudEvent;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import reactor.core.publisher.Mono;

/**
 * Carries a trace across the outbox and Kafka with the CloudEvents distributed-tracing extension: the W3C
 * {@code traceparent} / {@code tracestate} current when an outbox row is written are stored with it, sent as the
 * {@code ce_traceparent} / {@code ce_tracestate} headers (and the plain W3C {@code traceparent} / {@code tracestate}
 * headers for consumers that only know those), and a consumer's handling of the event is a CONSUMER span whose
 * parent they name. Without a tracer (a service with tracing left out) nothing is captured and handling is not
 * observed.
 */
public final class EventTracing {
    public static final String TRACEPARENT = KiranaEvents.TRACEPARENT;
    public static final String TRACESTATE = KiranaEvents.TRACESTATE;
    /** The CloudEvents Kafka binding's header prefix for extension attributes. */
    static final String CE_PREFIX = "ce_";
    /** The observation (and span) of one event's handling; also a timer by consumer and event type. */
    static final String OBSERVATION = "kirana.inbox.handling";

    public static final EventTracing NONE = new EventTracing(null, null, ObservationRegistry.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;
    private final ObservationRegistry observations;
    private final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();

    public EventTracing(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
        boolean usable = tracer != null && propagator != null && tracer != Tracer.NOOP;
        this.tracer = usable ? tracer : null;
        this.propagator = usable ? propagator : null;
        this.observations = observations == null ? ObservationRegistry.NOOP : observations;
    }

    /** The W3C trace context of the caller (a request's or an event handler's span), empty when there is none. */
    public Mono<TraceHeaders> current() {
        if (tracer == null) {
            return Mono.just(TraceHeaders.NONE);
        }
        // the span lives in the Reactor context of a request or of a handler: make it current here, only for this read
        return Mono.deferContextual(ctx -> {
            try (ContextSnapshot.Scope scope = snapshots.setThreadLocalsFrom(ctx)) {
                return Mono.just(currentOnThisThread());
            }
        });
    }

    TraceHeaders currentOnThisThread() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return TraceHeaders.NONE;
        }
        Map<String, String> headers = new HashMap<>(4);
        propagator.inject(context, headers, Map::put);
        return TraceHeaders.of(headers.get(TRACEPARENT), headers.get(TRACESTATE));
    }

    /**
     * Runs one event's handling as a CONSUMER span (child of the producer's context named by the record) that is
     * current on this thread while {@code work} runs; a reactive {@code work} captures it with
     * {@code contextCapture()} so that its operators, and the outbox rows it writes, see it too.
     */
    public <T> T observeHandling(String consumer, ConsumerRecord<String, byte[]> record, CloudEvent event, Supplier<T> work) {
        if (observations.isNoop()) {
            return work.get();
        }
        ReceiverContext<ConsumerRecord<String, byte[]>> context = new ReceiverContext<>(EventTracing::header, Kind.CONSUMER);
        context.setCarrier(record);
        context.setRemoteServiceName("kafka");
        return Observation.createNotStarted(OBSERVATION, () -> context, observations)
                .contextualName("process " + record.topic())
                .lowCardinalityKeyValue("messaging.system", "kafka")
                .lowCardinalityKeyValue("messaging.destination.name", record.topic())
                .lowCardinalityKeyValue("messaging.consumer.group.name", consumer)
                .lowCardinalityKeyValue("cloudevents.event_type", event.getType())
                .highCardinalityKeyValue("cloudevents.event_id", event.getId())
                .highCardinalityKeyValue("cloudevents.event_subject", String.valueOf(event.getSubject()))
                .highCardinalityKeyValue("messaging.kafka.offset", Long.toString(record.offset()))
                .highCardinalityKeyValue("messaging.destination.partition.id", Integer.toString(record.partition()))
                .observe(work);
    }

    /** The CloudEvents extension header ({@code ce_traceparent}) first, the plain W3C header otherwise. */
    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(CE_PREFIX + name);
        if (h == null) {
            h = record.headers().lastHeader(name);
        }
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A W3C trace context as stored on an outbox row; both null when the row was written outside any trace. */
    public record TraceHeaders(String traceparent, String tracestate) {
        public static final TraceHeaders NONE = new TraceHeaders(null, null);

        static TraceHeaders of(String traceparent, String tracestate) {
            if (traceparent == null || traceparent.isBlank()) {
                return NONE;
            }
            return new TraceHeaders(traceparent, tracestate == null || tracestate.isBlank() ? null : tracestate);
        }
    }
}

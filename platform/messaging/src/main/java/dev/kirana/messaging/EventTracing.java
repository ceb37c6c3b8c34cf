package dev.kirana.messaging;

import dev.kirana.events.KiranaEvents;
import io.cloudevents.CloudEvent;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
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
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

/**
 * Carries a trace across the outbox and Kafka with the CloudEvents distributed-tracing extension: the W3C
 * {@code traceparent} / {@code tracestate} current when an outbox row is written are stored with it, sent as the
 * {@code ce_traceparent} / {@code ce_tracestate} headers (and the plain W3C {@code traceparent} / {@code tracestate}
 * headers for consumers that only know those), and a consumer's handling of the event is a CONSUMER span whose
 * parent they name. Without a tracer (a service with tracing left out) no trace is captured and handling is not
 * observed.
 * <p>
 * The request id ({@code X-Request-Id}) of the request that caused a change travels the same way, as the
 * {@code requestid} extension ({@code ce_requestid}): a consumer's handling has it in its Reactor context and in the
 * MDC ({@code requestId}), so does everything the handler appends in turn, and a whole saga's log lines carry the
 * id the till was given. The Reactor context key and the MDC key are platform/web's ({@code RequestIdFilter}),
 * which also makes the MDC follow the key across threads.
 */
public final class EventTracing {
    public static final String TRACEPARENT = KiranaEvents.TRACEPARENT;
    public static final String TRACESTATE = KiranaEvents.TRACESTATE;
    public static final String REQUEST_ID = KiranaEvents.REQUEST_ID;
    /** {@code RequestIdFilter.CONTEXT_KEY}: the Reactor context key a request's id travels under. */
    public static final String REQUEST_ID_CONTEXT_KEY = "kirana.request-id";
    /** {@code RequestIdFilter.MDC_KEY}: the log field. */
    public static final String REQUEST_ID_MDC_KEY = "requestId";
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

    /**
     * The W3C trace context of the caller (a request's or an event handler's span) and its request id; each null when
     * there is none.
     */
    public Mono<Correlation> current() {
        return Mono.deferContextual(ctx -> {
            Object requestId = ctx.getOrDefault(REQUEST_ID_CONTEXT_KEY, null);
            if (tracer == null) {
                return Mono.just(Correlation.of(null, null, requestId));
            }
            // the span lives in the Reactor context of a request or of a handler: make it current here, only for this read
            try (ContextSnapshot.Scope scope = snapshots.setThreadLocalsFrom(ctx)) {
                return Mono.just(currentOnThisThread(requestId));
            }
        });
    }

    private Correlation currentOnThisThread(Object requestId) {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return Correlation.of(null, null, requestId);
        }
        Map<String, String> headers = new HashMap<>(4);
        propagator.inject(context, headers, Map::put);
        return Correlation.of(headers.get(TRACEPARENT), headers.get(TRACESTATE), requestId);
    }

    /** The request id an event carries ({@code requestid}), or null. */
    public static String requestId(CloudEvent event) {
        Object v = event.getExtension(REQUEST_ID);
        return v == null ? null : v.toString();
    }

    /**
     * Handles {@code event} with the request id it carries: in the Reactor context of {@code work} (and so on the
     * events it appends) and, on this thread, in the MDC while {@code work} is subscribed and waited for.
     */
    public static <T> Supplier<T> withRequestId(CloudEvent event, Supplier<T> work) {
        String requestId = requestId(event);
        if (requestId == null) {
            return work;
        }
        return () -> {
            String previous = MDC.get(REQUEST_ID_MDC_KEY);
            MDC.put(REQUEST_ID_MDC_KEY, requestId);
            try {
                return work.get();
            } finally {
                if (previous == null) {
                    MDC.remove(REQUEST_ID_MDC_KEY);
                } else {
                    MDC.put(REQUEST_ID_MDC_KEY, previous);
                }
            }
        };
    }

    /** {@code work} with the event's request id in its Reactor context. */
    public static <T> Mono<T> inRequestContext(CloudEvent event, Mono<T> work) {
        String requestId = requestId(event);
        return requestId == null ? work : work.contextWrite(ctx -> ctx.put(REQUEST_ID_CONTEXT_KEY, requestId));
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
        return observation(consumer, record, event).observe(work);
    }

    /**
     * The reactive form, for one event among others in one transaction: {@code work} runs as the event's CONSUMER span,
     * which its operators (and the outbox rows it writes) find in the Reactor context; the span ends when it does.
     */
    public <T> Mono<T> observeHandling(String consumer, ConsumerRecord<String, byte[]> record, CloudEvent event, Mono<T> work) {
        if (observations.isNoop()) {
            return work;
        }
        return Mono.defer(() -> {
            Observation observation = observation(consumer, record, event).start();
            return work.doOnError(observation::error)
                    .doFinally(signal -> observation.stop())
                    .contextWrite(ctx -> ctx.put(ObservationThreadLocalAccessor.KEY, observation));
        });
    }

    private Observation observation(String consumer, ConsumerRecord<String, byte[]> record, CloudEvent event) {
        ReceiverContext<ConsumerRecord<String, byte[]>> context = new ReceiverContext<>(EventTracing::header, Kind.CONSUMER);
        context.setCarrier(record);
        context.setRemoteServiceName("kafka");
        String requestId = requestId(event);
        Observation observation = Observation.createNotStarted(OBSERVATION, () -> context, observations)
                .contextualName("process " + record.topic())
                .lowCardinalityKeyValue("messaging.system", "kafka")
                .lowCardinalityKeyValue("messaging.destination.name", record.topic())
                .lowCardinalityKeyValue("messaging.consumer.group.name", consumer)
                .lowCardinalityKeyValue("cloudevents.event_type", event.getType())
                .highCardinalityKeyValue("cloudevents.event_id", event.getId())
                .highCardinalityKeyValue("cloudevents.event_subject", String.valueOf(event.getSubject()))
                .highCardinalityKeyValue("messaging.kafka.offset", Long.toString(record.offset()))
                .highCardinalityKeyValue("messaging.destination.partition.id", Integer.toString(record.partition()));
        if (requestId != null) {
            // as on the gateway's server span: a saga's spans can be found by the request id the till was given
            observation.highCardinalityKeyValue("kirana.request_id", requestId);
        }
        return observation;
    }

    /** The CloudEvents extension header ({@code ce_traceparent}) first, the plain W3C header otherwise. */
    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(CE_PREFIX + name);
        if (h == null) {
            h = record.headers().lastHeader(name);
        }
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /**
     * What an outbox row keeps of its writer's context: the W3C trace context (null outside any trace) and the
     * request id (null outside a request and outside the handling of an event that carried one).
     */
    public record Correlation(String traceparent, String tracestate, String requestId) {
        public static final Correlation NONE = new Correlation(null, null, null);

        static Correlation of(String traceparent, String tracestate, Object requestId) {
            boolean traced = traceparent != null && !traceparent.isBlank();
            String id = requestId == null || requestId.toString().isBlank() ? null : requestId.toString();
            return new Correlation(traced ? traceparent : null,
                    traced && tracestate != null && !tracestate.isBlank() ? tracestate : null, id);
        }
    }
}

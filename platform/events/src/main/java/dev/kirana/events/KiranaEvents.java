package dev.kirana.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Builds and reads the suite's CloudEvents 1.0 envelope (Kafka binary mode, JSON data, {@code shopid} extension). */
public final class KiranaEvents {
    public static final String SHOP_ID = "shopid";
    public static final String JSON = "application/json";
    /** Optional extension attributes of the CloudEvents distributed-tracing extension (W3C Trace Context). */
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** Optional: the {@code X-Request-Id} of the request whose change the event announces. */
    public static final String REQUEST_ID = "requestid";

    public static CloudEvent event(String id, String type, String source, String subject, String shopId,
                                   OffsetDateTime time, byte[] data) {
        Objects.requireNonNull(shopId, "every event names its shop");
        if (!EventTypes.PATTERN.matcher(type).matches()) {
            throw new IllegalArgumentException("event type must look like kirana.<aggregate>.<event>.v<N>: " + type);
        }
        return CloudEventBuilder.v1()
                .withId(id)
                .withType(type)
                .withSource(URI.create(source))
                .withSubject(subject)
                .withTime(time)
                .withDataContentType(JSON)
                .withExtension(SHOP_ID, shopId)
                .withData(data)
                .build();
    }

    public static CloudEvent event(String type, String source, String subject, String shopId, Object data) {
        return event(UUID.randomUUID().toString(), type, source, subject, shopId,
                OffsetDateTime.now(ZoneOffset.UTC), EventJson.write(data));
    }

    /**
     * The event with the CloudEvents distributed-tracing extension ({@code traceparent}, {@code tracestate}: the W3C
     * trace context of the change it announces) and the {@code requestid} of the request that made the change; each
     * left out when null.
     */
    public static CloudEvent withCorrelation(CloudEvent event, String traceparent, String tracestate, String requestId) {
        if (traceparent == null && requestId == null) {
            return event;
        }
        CloudEventBuilder b = CloudEventBuilder.from(event);
        if (traceparent != null) {
            b.withExtension(TRACEPARENT, traceparent);
            if (tracestate != null) {
                b.withExtension(TRACESTATE, tracestate);
            }
        }
        if (requestId != null) {
            b.withExtension(REQUEST_ID, requestId);
        }
        return b.build();
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, String key, CloudEvent event) {
        return KafkaMessageFactory.createWriter(topic, null, null, key).writeBinary(event);
    }

    public static CloudEvent fromRecord(ConsumerRecord<String, byte[]> record) {
        return KafkaMessageFactory.createReader(record).toEvent();
    }

    public static String shopId(CloudEvent event) {
        Object v = event.getExtension(SHOP_ID);
        return v == null ? null : v.toString();
    }

    public static <T> T data(CloudEvent event, Class<T> type) {
        if (event.getData() == null) {
            throw new IllegalArgumentException("event " + event.getId() + " has no data");
        }
        return EventJson.read(event.getData().toBytes(), type);
    }

    private KiranaEvents() {
    }
}

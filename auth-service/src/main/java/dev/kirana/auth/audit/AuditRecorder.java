package dev.kirana.auth.audit;

import dev.kirana.events.AuditEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.BackgroundConsumer;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import io.cloudevents.CloudEvent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Appends what the other services record ({@code kirana.audit.recorded.v1} on {@link Topics#AUDIT}, keyed by shop) to
 * the shop's chain: each event once (inbox), with the time it was taken, the caller's address and the service that took
 * it. One shop's events arrive on one partition, in the order each service wrote them.
 */
@Component
public class AuditRecorder {
    static final String CONSUMER = "auth-service.audit";
    private final InboxProcessor inbox;
    private final AuditTrail trail;
    private final Map<String, EventHandler> handlers;

    public AuditRecorder(InboxProcessor inbox, AuditTrail trail) {
        this.inbox = inbox;
        this.trail = trail;
        this.handlers = Map.of(EventTypes.AUDIT_RECORDED, this::append);
    }

    @KafkaListener(topics = Topics.AUDIT, groupId = CONSUMER,
            properties = {BackgroundConsumer.FETCH_MIN_BYTES, BackgroundConsumer.FETCH_MAX_WAIT})
    public void onAudit(ConsumerRecord<String, byte[]> record) {
        inbox.handle(CONSUMER, record, handlers);
    }

    Mono<Void> append(CloudEvent event) {
        AuditEvents.AuditRecorded r = KiranaEvents.data(event, AuditEvents.AuditRecorded.class);
        if (r.action() == null || r.entityType() == null) {
            return Mono.error(new IllegalArgumentException("audit event " + event.getId() + " names no action or entity type"));
        }
        UUID shop = UUID.fromString(KiranaEvents.shopId(event));
        Instant at = r.at() != null ? Instant.parse(r.at()) : event.getTime().toInstant();
        String source = r.sourceService() != null ? r.sourceService() : event.getSource().toString();
        UUID actor = uuid(r.actorId());
        AuditTrail.Entry entry = new AuditTrail.Entry(actor, r.action(), r.entityType(), r.entityId(), uuid(r.deviceId()),
                text(r.before()), text(r.after()));
        String client = actor == null ? r.actorId() : null;
        return trail.appendRecorded(shop, entry, at, r.ip(), new AuditTrail.Origin(source, r.actorRole(), client));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : AuditTrail.json(node);
    }

    /** A user or device id; a partner API client's id is not one and is left out (its role says API_CLIENT). */
    static UUID uuid(String id) {
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}

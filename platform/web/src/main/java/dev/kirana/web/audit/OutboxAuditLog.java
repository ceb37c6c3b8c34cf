package dev.kirana.web.audit;

import dev.kirana.events.AuditEvents;
import dev.kirana.events.EventJson;
import dev.kirana.events.EventTypes;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Writes each audit entry as a {@code kirana.audit.recorded.v1} event to the service's outbox, in the caller's
 * transaction, on {@link Topics#AUDIT} keyed by the shop (so auth-service appends one shop's records in the order they
 * were written).
 */
public class OutboxAuditLog implements AuditLog {
    private final OutboxWriter outbox;
    private final Clock clock;

    public OutboxAuditLog(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Mono<Void> record(String shopId, Entry e) {
        Objects.requireNonNull(shopId, "an audit record belongs to a shop");
        return AuditContext.caller().flatMap(c -> {
            AuditEvents.AuditRecorded data = new AuditEvents.AuditRecorded(c.actorId(), c.role(), e.action(), e.entityType(),
                    e.entityId(), c.deviceId() == null ? null : c.deviceId().toString(), c.ip(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS).toString(), node(e.before()), node(e.after()), outbox.source());
            return outbox.append(Topics.AUDIT, EventTypes.AUDIT_RECORDED, shopId, shopId, data).then();
        });
    }

    private static JsonNode node(Object state) {
        if (state == null) {
            return null;
        }
        JsonNode node = EventJson.mapper().valueToTree(state);
        if (!node.isObject()) {
            throw new IllegalArgumentException("an audit record's before/after state is a JSON object, not " + node.getNodeType());
        }
        return node;
    }
}

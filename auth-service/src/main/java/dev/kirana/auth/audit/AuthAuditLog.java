package dev.kirana.auth.audit;

import dev.kirana.web.audit.AuditContext;
import dev.kirana.web.audit.AuditLog;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The platform's audit log in auth-service, which owns the trail: an entry (a download here) is appended to the shop's
 * chain directly, in the caller's transaction, rather than sent through the outbox.
 */
@Component
public class AuthAuditLog implements AuditLog {
    private final AuditTrail trail;

    public AuthAuditLog(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public Mono<Void> record(String shopId, Entry e) {
        return AuditContext.caller().flatMap(c -> trail.append(UUID.fromString(shopId),
                new AuditTrail.Entry(AuditRecorder.uuid(c.actorId()), e.action(), e.entityType(), e.entityId(), c.deviceId(),
                        AuditTrail.json(e.before()), AuditTrail.json(e.after()))));
    }
}

package dev.kirana.auth.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a shop's audit trail; {@code before}/{@code after} are JSON text where the action changes state.
 * {@code source} is the service that took the action when it was not auth-service itself (null for auth-service's own),
 * {@code actorRole} the caller's role there ({@code OWNER} … {@code AUDITOR}, or {@code API_CLIENT}) and
 * {@code actorClientId} a partner API client's id (which is not a user id).
 */
public record AuditRecord(UUID shopId, long seq, Instant at, UUID actorId, String action, String entityType, String entityId,
                          UUID deviceId, String ip, String before, String after, String prevHash, String hash, String source,
                          String actorRole, String actorClientId) {
    /** One of auth-service's own records. */
    public AuditRecord(UUID shopId, long seq, Instant at, UUID actorId, String action, String entityType, String entityId,
                       UUID deviceId, String ip, String before, String after, String prevHash, String hash) {
        this(shopId, seq, at, actorId, action, entityType, entityId, deviceId, ip, before, after, prevHash, hash, null, null, null);
    }

    public AuditRecord withHash(String hash) {
        return new AuditRecord(shopId, seq, at, actorId, action, entityType, entityId, deviceId, ip, before, after, prevHash, hash, source, actorRole, actorClientId);
    }
}

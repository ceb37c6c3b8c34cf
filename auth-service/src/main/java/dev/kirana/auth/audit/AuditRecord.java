package dev.kirana.auth.audit;

import java.time.Instant;
import java.util.UUID;

/** One entry of a shop's audit trail; {@code before}/{@code after} are JSON text where the action changes state. */
public record AuditRecord(UUID shopId, long seq, Instant at, UUID actorId, String action, String entityType, String entityId,
                          UUID deviceId, String ip, String before, String after, String prevHash, String hash) {
}

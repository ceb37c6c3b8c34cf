package dev.kirana.events;

import tools.jackson.databind.JsonNode;

/** Data of the events on {@link Topics#AUDIT}. */
public final class AuditEvents {
    /**
     * A critical action that a service took for a caller ({@code audit.recorded}): who (user or API client id and their
     * role in the shop), from which device and address, what ({@code action}, e.g. {@code price.changed}) to which
     * entity, when, and the entity's state before and after where the action changes one (JSON objects, or absent).
     * auth-service appends it to the shop's hash-chained audit trail.
     */
    public record AuditRecorded(String actorId, String actorRole, String action, String entityType, String entityId,
                                String deviceId, String ip, String at, JsonNode before, JsonNode after, String sourceService) {
    }

    private AuditEvents() {
    }
}

package dev.kirana.web.audit;

import reactor.core.publisher.Mono;

/**
 * Records a critical action in the shop's audit trail, naming the caller of the current request
 * ({@link AuditContext#caller()}). Call it inside the action's transaction: the record exists exactly when the action
 * does. Every service but auth-service writes a {@code kirana.audit.recorded.v1} event to its outbox, which auth-service
 * appends to the shop's hash chain; auth-service appends directly.
 */
public interface AuditLog {
    /** The exchange attribute a handler sets when it recorded the download it answers itself (a backup). */
    String RECORDED = AuditLog.class.getName() + ".recorded";

    /**
     * What happened ({@code action}, e.g. {@code price.changed}), to which entity, and its state before and after
     * (values that serialise as JSON objects — records or maps — or null).
     */
    record Entry(String action, String entityType, String entityId, Object before, Object after) {
        public static Entry of(String action, String entityType, Object entityId) {
            return new Entry(action, entityType, entityId == null ? null : entityId.toString(), null, null);
        }

        public Entry change(Object before, Object after) {
            return new Entry(action, entityType, entityId, before, after);
        }
    }

    Mono<Void> record(String shopId, Entry entry);
}

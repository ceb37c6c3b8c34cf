-- Records other services send (kirana.audit.recorded.v1) keep the service that took the action, the caller's role
-- there and, for a partner API client (whose id is not a user id), the client's id; all null for auth-service's own
-- records. A record's hash covers them when source is present. Adding columns fires no row trigger: the append-only
-- guard stays as it is.
ALTER TABLE audit_record ADD COLUMN source TEXT;
ALTER TABLE audit_record ADD COLUMN actor_role TEXT;
ALTER TABLE audit_record ADD COLUMN actor_client_id TEXT;
CREATE INDEX audit_record_source ON audit_record (shop_id, source, at);

-- The audit trail: append-only, one hash chain per shop. Each record's hash covers its own fields and the
-- previous record's hash, so changing, deleting or reordering a row breaks every later link.
CREATE TABLE audit_record (
    shop_id     UUID        NOT NULL,
    seq         BIGINT      NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    actor_id    UUID,
    action      TEXT        NOT NULL,
    entity_type TEXT        NOT NULL,
    entity_id   TEXT,
    device_id   UUID,
    ip          TEXT,
    before_json TEXT,
    after_json  TEXT,
    prev_hash   TEXT        NOT NULL,
    hash        TEXT        NOT NULL,
    PRIMARY KEY (shop_id, seq)
);
CREATE INDEX audit_record_actor ON audit_record (shop_id, actor_id, at);
CREATE INDEX audit_record_action ON audit_record (shop_id, action, at);
CREATE INDEX audit_record_entity ON audit_record (shop_id, entity_type, entity_id);

-- Append-only in the database too: updates and deletes are refused (a purge of a deleted shop drops the trigger's
-- guard explicitly, in its own migration, when that exists).
CREATE FUNCTION audit_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_record is append-only';
END $$;
CREATE TRIGGER audit_record_no_update BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_append_only();

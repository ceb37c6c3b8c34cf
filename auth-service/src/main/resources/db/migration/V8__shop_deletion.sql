-- Deleting a shop: soft first (DELETED, restorable by its owner until purge_after), then purged. A purged shop keeps
-- this row as a tombstone (name, state, GSTIN, dates; the address is cleared) and its audit chain; every other row of
-- the shop in auth-service is deleted.
ALTER TABLE shop ADD COLUMN status TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DELETED', 'PURGED'));
ALTER TABLE shop ADD COLUMN deleted_at TIMESTAMPTZ;
ALTER TABLE shop ADD COLUMN deleted_by UUID;
ALTER TABLE shop ADD COLUMN purge_after TIMESTAMPTZ;
ALTER TABLE shop ADD COLUMN purged_at TIMESTAMPTZ;
ALTER TABLE shop ADD CONSTRAINT shop_deletion_dates CHECK (
    (status = 'ACTIVE' AND deleted_at IS NULL AND purge_after IS NULL AND purged_at IS NULL)
    OR (status = 'DELETED' AND deleted_at IS NOT NULL AND purge_after IS NOT NULL AND purged_at IS NULL)
    OR (status = 'PURGED' AND deleted_at IS NOT NULL AND purged_at IS NOT NULL));
-- the purge job's question: which deleted shops are due
CREATE INDEX shop_purge_due ON shop (purge_after) WHERE status = 'DELETED';

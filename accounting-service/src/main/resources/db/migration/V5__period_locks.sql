-- Locked months: nothing posts into them. A late event for a locked month posts on the first open date and keeps
-- the date it belonged to in original_date.
CREATE TABLE period_locks (
    shop_id   TEXT        NOT NULL,
    period    DATE        NOT NULL CHECK (extract(day FROM period) = 1),
    locked_by TEXT        NOT NULL,
    locked_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, period)
);
ALTER TABLE journal_entries ADD COLUMN original_date DATE;

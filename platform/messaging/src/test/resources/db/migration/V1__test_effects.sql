-- The test application's own state: one row per effect a handler or a unit of work applied.
-- No unique constraint on event_id on purpose: a second run of a handler would show up as a second row.
CREATE TABLE test_effects (
    id         BIGSERIAL PRIMARY KEY,
    event_id   TEXT        NOT NULL,
    kind       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX test_effects_event ON test_effects (event_id);

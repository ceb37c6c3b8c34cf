-- Idempotency keys: the first response to (shop, key) is stored in the same transaction as the
-- effects it reports, and replayed for a retry with the same body.
CREATE TABLE kirana_idempotency (
    shop_id      TEXT        NOT NULL,
    idem_key     TEXT        NOT NULL,
    request_hash TEXT        NOT NULL,
    status       INT,
    location     TEXT,
    body         BYTEA,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, idem_key)
);
CREATE INDEX kirana_idempotency_created ON kirana_idempotency (created_at);

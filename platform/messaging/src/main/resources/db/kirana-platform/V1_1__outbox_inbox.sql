-- Transactional outbox: written in the same transaction as the state change it announces,
-- published to Kafka by the relay, which marks rows sent.
CREATE TABLE kirana_outbox (
    seq         BIGSERIAL PRIMARY KEY,
    event_id    UUID        NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    record_key  TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    source      TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    shop_id     TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    data        BYTEA       NOT NULL,
    traceparent TEXT,
    sent_at     TIMESTAMPTZ
);
CREATE INDEX kirana_outbox_unsent ON kirana_outbox (seq) WHERE sent_at IS NULL;
CREATE INDEX kirana_outbox_sent_at ON kirana_outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Inbox: one row per (consumer, event) handled, inserted in the handler's transaction,
-- so a redelivered event has no second effect.
CREATE TABLE kirana_inbox (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

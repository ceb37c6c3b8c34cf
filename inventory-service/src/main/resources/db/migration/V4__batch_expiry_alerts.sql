-- The daily expiry check: which batches were announced as expiring on which day (one event per batch per day).
CREATE TABLE batch_expiry_alerts (
    lot_id BIGINT NOT NULL REFERENCES stock_lots (id),
    day    DATE   NOT NULL,
    PRIMARY KEY (lot_id, day)
);

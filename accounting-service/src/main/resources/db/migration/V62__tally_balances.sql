-- The last closing balance Tally gave for each ledger (debit positive), kept across restarts: served as it is while
-- fresh, and as stale when Tally is down.
CREATE TABLE tally_balances (
    shop_id         TEXT           NOT NULL,
    ledger          TEXT           NOT NULL,
    closing_balance NUMERIC(18, 2) NOT NULL,
    as_of           DATE           NOT NULL,
    fetched_at      TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (shop_id, ledger)
);

-- order-service's replica of its customers' khata balances and credit limits, built from accounting events
-- (party.created/updated/merged/balance-changed), so a CREDIT sale is checked at the counter without calling
-- accounting-service, like pricing uses the catalog replica.
CREATE TABLE party_balances (
    shop_id            TEXT           NOT NULL,
    party_id           TEXT           NOT NULL,
    kind               TEXT,
    name               TEXT,
    phone              TEXT,
    gstin              TEXT,
    -- what the customer owes (negative: an advance), as of the balance-changed event at balance_changed_at
    balance            NUMERIC(16, 2) NOT NULL DEFAULT 0,
    -- null or 0: no credit limit set for this party
    credit_limit       NUMERIC(16, 2),
    -- the time of the event the credit limit comes from (party.created/updated or balance-changed)
    credit_limit_at    TIMESTAMPTZ,
    merged_into        TEXT,
    -- the party's details come from party.created (version 0) and party.updated (its version): an older one never
    -- overwrites a newer one; the balance from the balance-changed event with the latest changedAt (or the opening
    -- balance of party.created until one arrives)
    details_version    INTEGER        NOT NULL DEFAULT -1,
    balance_changed_at TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ    NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, party_id)
);
CREATE INDEX party_balances_phone ON party_balances (shop_id, phone) WHERE phone IS NOT NULL;
CREATE INDEX party_balances_gstin ON party_balances (shop_id, gstin) WHERE gstin IS NOT NULL;

-- a CREDIT sale beyond the limit allowed by an owner or manager: who, and the figures at the counter
ALTER TABLE orders
    ADD COLUMN credit_override_by      TEXT,
    ADD COLUMN credit_override_role    TEXT,
    ADD COLUMN credit_override_limit   NUMERIC(16, 2),
    ADD COLUMN credit_override_balance NUMERIC(16, 2),
    ADD COLUMN credit_override_amount  NUMERIC(16, 2);

-- credit sold to a customer that the khata may not show yet is summed by phone or GSTIN
CREATE INDEX orders_shop_customer_gstin ON orders (shop_id, customer_gstin) WHERE customer_gstin IS NOT NULL;

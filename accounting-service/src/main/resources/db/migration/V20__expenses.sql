-- Expense categories per shop (seeded with the usual ones the first time they are needed), each posting to an
-- expense account of the shop's chart.
CREATE TABLE expense_categories (
    id           UUID PRIMARY KEY,
    shop_id      TEXT        NOT NULL,
    code         TEXT        NOT NULL,
    name         TEXT        NOT NULL,
    account_code TEXT        NOT NULL,
    active       BOOLEAN     NOT NULL DEFAULT true,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (shop_id, code),
    FOREIGN KEY (shop_id, account_code) REFERENCES accounts (shop_id, code)
);
CREATE TABLE expense_category_seeds (
    shop_id   TEXT PRIMARY KEY,
    seeded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- An expense paid; never edited: a mistake is undone by its reversal (a counter-entry), recorded on the row.
CREATE TABLE expenses (
    id              UUID PRIMARY KEY,
    shop_id         TEXT           NOT NULL,
    category_id     UUID           NOT NULL REFERENCES expense_categories (id),
    -- the expense account it was posted to (the category's at the time; a category can be pointed elsewhere later)
    account_code    TEXT           NOT NULL,
    expense_date    DATE           NOT NULL,
    amount          NUMERIC(16, 2) NOT NULL CHECK (amount > 0),
    net_amount      NUMERIC(16, 2) NOT NULL CHECK (net_amount > 0),
    gst_rate        NUMERIC(5, 2),
    cgst            NUMERIC(16, 2) NOT NULL DEFAULT 0,
    sgst            NUMERIC(16, 2) NOT NULL DEFAULT 0,
    igst            NUMERIC(16, 2) NOT NULL DEFAULT 0,
    mode            TEXT           NOT NULL CHECK (mode IN ('CASH', 'BANK', 'UPI', 'CARD')),
    paid_from       TEXT           NOT NULL,
    supplier_name   TEXT,
    reference       TEXT,
    note            TEXT,
    entry_id        UUID           NOT NULL REFERENCES journal_entries (id),
    recorded_by     TEXT           NOT NULL,
    recorded_at     TIMESTAMPTZ    NOT NULL DEFAULT now(),
    reversal_entry  UUID REFERENCES journal_entries (id),
    reversed_on     DATE,
    reversal_reason TEXT,
    reversed_by     TEXT,
    receipt         BYTEA,
    receipt_type    TEXT,
    receipt_name    TEXT,
    CHECK (amount = net_amount + cgst + sgst + igst),
    CHECK (receipt IS NULL OR octet_length(receipt) <= 2097152)
);
CREATE INDEX expenses_shop_date ON expenses (shop_id, expense_date, recorded_at);

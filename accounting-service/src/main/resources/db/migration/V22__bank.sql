-- The shop's bank accounts, each a sub-account of 1050 Bank accounts in its chart.
CREATE TABLE bank_accounts (
    id           UUID PRIMARY KEY,
    shop_id      TEXT        NOT NULL,
    account_code TEXT        NOT NULL,
    name         TEXT        NOT NULL,
    bank_name    TEXT        NOT NULL,
    last4        TEXT        NOT NULL CHECK (last4 ~ '^[0-9]{4}$'),
    ifsc         TEXT,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (shop_id, account_code),
    FOREIGN KEY (shop_id, account_code) REFERENCES accounts (shop_id, code)
);

-- Deposits (cash to bank), withdrawals (bank to cash), transfers between two bank accounts, settlements of card
-- and UPI collections (clearing account to bank, less the provider's fee).
CREATE TABLE bank_movements (
    id           UUID PRIMARY KEY,
    shop_id      TEXT           NOT NULL,
    kind         TEXT           NOT NULL CHECK (kind IN ('DEPOSIT', 'WITHDRAWAL', 'TRANSFER', 'SETTLEMENT')),
    movement_date DATE          NOT NULL,
    from_account TEXT           NOT NULL,
    to_account   TEXT           NOT NULL,
    amount       NUMERIC(16, 2) NOT NULL CHECK (amount > 0),
    fee          NUMERIC(16, 2) NOT NULL DEFAULT 0 CHECK (fee >= 0),
    provider     TEXT,
    reference    TEXT,
    entry_id     UUID           NOT NULL REFERENCES journal_entries (id),
    recorded_by  TEXT           NOT NULL,
    recorded_at  TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX bank_movements_shop ON bank_movements (shop_id, movement_date);

-- Lines of imported bank statements, and what each is matched to in the books (a line of the bank account's ledger).
CREATE TABLE bank_statement_lines (
    id              UUID PRIMARY KEY,
    shop_id         TEXT           NOT NULL,
    bank_account_id UUID           NOT NULL REFERENCES bank_accounts (id),
    import_id       UUID           NOT NULL,
    line_no         INT            NOT NULL,
    txn_date        DATE           NOT NULL,
    description     TEXT,
    reference       TEXT,
    debit           NUMERIC(16, 2) NOT NULL DEFAULT 0 CHECK (debit >= 0),
    credit          NUMERIC(16, 2) NOT NULL DEFAULT 0 CHECK (credit >= 0),
    matched_entry   UUID REFERENCES journal_entries (id),
    matched_line    INT,
    matched_by      TEXT,
    manual          BOOLEAN        NOT NULL DEFAULT false,
    auto_match_off  BOOLEAN        NOT NULL DEFAULT false,
    imported_at     TIMESTAMPTZ    NOT NULL DEFAULT now(),
    CHECK ((debit = 0) <> (credit = 0)),
    FOREIGN KEY (matched_entry, matched_line) REFERENCES journal_lines (entry_id, line_no)
);
CREATE INDEX bank_statement_lines_account ON bank_statement_lines (shop_id, bank_account_id, txn_date);
CREATE UNIQUE INDEX bank_statement_lines_matched ON bank_statement_lines (matched_entry, matched_line) WHERE matched_entry IS NOT NULL;

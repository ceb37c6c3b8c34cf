CREATE TABLE journal_entries (
    id         UUID PRIMARY KEY,
    shop_id    TEXT        NOT NULL,
    entry_date DATE        NOT NULL,
    narration  TEXT        NOT NULL,
    source     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (shop_id, source)
);
CREATE INDEX journal_entries_shop_date ON journal_entries (shop_id, entry_date, created_at);

CREATE TABLE journal_lines (
    entry_id UUID           NOT NULL REFERENCES journal_entries (id),
    line_no  INT            NOT NULL,
    account  TEXT           NOT NULL,
    debit    NUMERIC(16, 2) NOT NULL DEFAULT 0 CHECK (debit >= 0),
    credit   NUMERIC(16, 2) NOT NULL DEFAULT 0 CHECK (credit >= 0),
    PRIMARY KEY (entry_id, line_no),
    CHECK (debit = 0 OR credit = 0)
);

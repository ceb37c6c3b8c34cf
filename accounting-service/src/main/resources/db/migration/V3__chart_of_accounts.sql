-- Each shop's chart of accounts: the standard chart is seeded per shop, custom accounts are added to it.
-- journal_lines.account holds the code; codes are unique per shop.
CREATE TABLE accounts (
    shop_id     TEXT        NOT NULL,
    code        TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    type        TEXT        NOT NULL CHECK (type IN ('ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE')),
    group_name  TEXT        NOT NULL,
    parent_code TEXT,
    standard    BOOLEAN     NOT NULL DEFAULT false,
    created_by  TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, code)
);

-- One row per shop whose books exist (the standard chart has been seeded). Postings take a shared lock on it and
-- locking a period an exclusive one, so a period cannot be locked while an entry is being posted into it.
CREATE TABLE shop_books (
    shop_id    TEXT PRIMARY KEY,
    seeded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX journal_lines_account ON journal_lines (account);

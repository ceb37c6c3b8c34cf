-- A closed day of the cash drawer: what was counted, what the book said (cash in hand 1000 at the close) and the
-- variance posted to cash short/over. Nothing entered by hand touches cash on a closed day.
CREATE TABLE cash_day_closes (
    shop_id   TEXT           NOT NULL,
    day       DATE           NOT NULL,
    counted   NUMERIC(16, 2) NOT NULL CHECK (counted >= 0),
    expected  NUMERIC(16, 2) NOT NULL,
    variance  NUMERIC(16, 2) NOT NULL,
    entry_id  UUID REFERENCES journal_entries (id),
    note      TEXT,
    closed_by TEXT           NOT NULL,
    closed_at TIMESTAMPTZ    NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, day),
    CHECK (variance = counted - expected)
);

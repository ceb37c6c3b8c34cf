-- Parties of a shop: its customers (khata: what they owe, account 1100) and suppliers (what the shop owes, 2000).
-- A merged party is kept, pointing at the survivor that took over its entries; it is never deleted.
CREATE TABLE parties (
    id              UUID PRIMARY KEY,
    shop_id         TEXT           NOT NULL,
    kind            TEXT           NOT NULL CHECK (kind IN ('CUSTOMER', 'SUPPLIER')),
    name            TEXT           NOT NULL,
    phone           TEXT,
    gstin           TEXT,
    state_code      TEXT,
    address         TEXT,
    credit_limit    NUMERIC(16, 2) CHECK (credit_limit >= 0),
    opening_balance NUMERIC(16, 2) NOT NULL DEFAULT 0,
    opening_date    DATE           NOT NULL,
    notes           TEXT,
    merged_into     UUID REFERENCES parties (id),
    merged_at       TIMESTAMPTZ,
    version         INT            NOT NULL DEFAULT 1,
    created_at      TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ    NOT NULL DEFAULT now()
);
-- one live party per phone and per GSTIN for each kind: what a sale's customer is linked by
CREATE UNIQUE INDEX parties_live_phone ON parties (shop_id, kind, phone) WHERE phone IS NOT NULL AND merged_into IS NULL;
CREATE UNIQUE INDEX parties_live_gstin ON parties (shop_id, kind, gstin) WHERE gstin IS NOT NULL AND merged_into IS NULL;
CREATE INDEX parties_shop_name ON parties (shop_id, lower(name), id);
CREATE INDEX parties_shop_phone ON parties (shop_id, phone);

-- The party a receivable or payable line belongs to, set when it is posted (moved to the survivor on a merge).
ALTER TABLE journal_lines ADD COLUMN party_id UUID REFERENCES parties (id);
CREATE INDEX journal_lines_party_id ON journal_lines (party_id, account) WHERE party_id IS NOT NULL;

-- Money received from a customer (RECEIVED) or paid to a supplier (MADE), and counter-entries that reverse one.
CREATE TABLE khata_payments (
    id          UUID PRIMARY KEY,
    shop_id     TEXT           NOT NULL,
    party_id    UUID           NOT NULL REFERENCES parties (id),
    direction   TEXT           NOT NULL CHECK (direction IN ('RECEIVED', 'MADE')),
    amount      NUMERIC(16, 2) NOT NULL CHECK (amount > 0),
    mode        TEXT           NOT NULL CHECK (mode IN ('CASH', 'UPI', 'CARD', 'BANK')),
    reference   TEXT,
    paid_on     DATE           NOT NULL,
    note        TEXT,
    reversal_of UUID UNIQUE REFERENCES khata_payments (id),
    recorded_by TEXT           NOT NULL,
    created_at  TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX khata_payments_party ON khata_payments (shop_id, party_id, paid_on);

-- Receivable lines posted before parties existed name the customer by phone or GSTIN only: give each its party.
INSERT INTO parties (id, shop_id, kind, name, phone, gstin, opening_date)
SELECT gen_random_uuid(), k.shop_id, 'CUSTOMER', k.party,
       CASE WHEN k.party ~ '^\+?[0-9]{6,15}$' THEN k.party END,
       CASE WHEN k.party ~ '^[0-9]{2}[A-Z0-9]{13}$' THEN k.party END,
       k.first_date
FROM (SELECT e.shop_id, l.party, min(e.entry_date) AS first_date
      FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
      WHERE l.account = '1100' AND l.party IS NOT NULL
      GROUP BY e.shop_id, l.party) k;
UPDATE journal_lines l SET party_id = p.id
FROM journal_entries e, parties p
WHERE e.id = l.entry_id AND l.account = '1100' AND l.party IS NOT NULL
  AND p.shop_id = e.shop_id AND p.kind = 'CUSTOMER' AND (p.phone = l.party OR p.gstin = l.party);

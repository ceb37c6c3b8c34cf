-- The shop's name (from shop events), which a payment reminder is signed with; a shop may be known by name before its state.
ALTER TABLE shop_states ADD COLUMN name TEXT;
ALTER TABLE shop_states ALTER COLUMN state_code DROP NOT NULL;

-- Payment reminders texted to customers: at most one per party per reminder interval (checked under a per-party lock).
CREATE TABLE khata_reminders (
    id         UUID PRIMARY KEY,
    shop_id    TEXT           NOT NULL,
    party_id   UUID           NOT NULL REFERENCES parties (id),
    amount_due NUMERIC(16, 2) NOT NULL CHECK (amount_due > 0),
    phone      TEXT           NOT NULL,
    message    TEXT           NOT NULL,
    sent_by    TEXT           NOT NULL,
    sent_at    TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX khata_reminders_party ON khata_reminders (shop_id, party_id, sent_at DESC);

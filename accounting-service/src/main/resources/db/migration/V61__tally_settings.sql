-- Where a shop's TallyPrime answers XML over HTTP, and the company loaded in it (set by the owner).
CREATE TABLE tally_settings (
    shop_id    TEXT        PRIMARY KEY,
    url        TEXT        NOT NULL,
    company    TEXT        NOT NULL,
    updated_by TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

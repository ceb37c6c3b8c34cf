-- A distributor's retailers: customers in the books (parties of kind CUSTOMER) with a retailer profile. The code is
-- the retailer's code in the brand's PRM portal, unique in the shop; credit days decide what of the balance is overdue.
CREATE TABLE retailers (
    party_id    UUID PRIMARY KEY REFERENCES parties (id),
    shop_id     TEXT        NOT NULL,
    code        TEXT        NOT NULL CHECK (code <> '' AND length(code) <= 30),
    area        TEXT,
    route       TEXT,
    credit_days INT         NOT NULL CHECK (credit_days BETWEEN 0 AND 365),
    version     INT         NOT NULL DEFAULT 1,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX retailers_shop_code ON retailers (shop_id, code);
CREATE INDEX retailers_shop_area ON retailers (shop_id, area, route);

-- The distributor's models (its product master for the PRM workbook): a serial is valued at its model's dealer price
-- unless its own row gave a price.
CREATE TABLE distribution_products (
    id           UUID PRIMARY KEY,
    shop_id      TEXT           NOT NULL,
    code         TEXT           NOT NULL,
    name         TEXT           NOT NULL,
    dealer_price NUMERIC(16, 2) CHECK (dealer_price >= 0),
    created_at   TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ    NOT NULL DEFAULT now(),
    UNIQUE (shop_id, code)
);

-- Each IMEI or serial the PRM workbook reports: the retailer it is placed with, its status and activation date.
-- first_seen_on is the day it was first imported (the earliest it is known to have been at a retailer).
CREATE TABLE retailer_serials (
    shop_id         TEXT           NOT NULL,
    imei            TEXT           NOT NULL,
    retailer_id     UUID           NOT NULL REFERENCES retailers (party_id),
    product_id      UUID           NOT NULL REFERENCES distribution_products (id),
    status          TEXT           NOT NULL CHECK (status IN ('AT_RETAILER', 'ACTIVATED', 'RETURNED')),
    activation_date DATE,
    price           NUMERIC(16, 2) CHECK (price >= 0),
    first_seen_on   DATE           NOT NULL,
    last_run_id     UUID           NOT NULL,
    created_at      TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ    NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, imei)
);
CREATE INDEX retailer_serials_retailer ON retailer_serials (shop_id, retailer_id, status);
CREATE INDEX retailer_serials_activation ON retailer_serials (shop_id, activation_date) WHERE activation_date IS NOT NULL;

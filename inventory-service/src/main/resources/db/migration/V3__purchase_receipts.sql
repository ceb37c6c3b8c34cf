-- What inventory-service could not do exactly as a supplier's bill (or its debit note) said, for a manager to see:
-- a serial-tracked line (bills carry no serial numbers), an unknown location (received at the default one), or
-- goods returned that were no longer in stock (only what was there went out).
CREATE TABLE purchase_flags (
    id         BIGSERIAL PRIMARY KEY,
    shop_id    TEXT           NOT NULL,
    bill_id    TEXT           NOT NULL,
    document   TEXT           NOT NULL,
    line_no    INT            NOT NULL,
    product_id TEXT           NOT NULL,
    quantity   NUMERIC(14, 3) NOT NULL,
    problem    TEXT           NOT NULL,
    created_at TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX purchase_flags_shop ON purchase_flags (shop_id, id);

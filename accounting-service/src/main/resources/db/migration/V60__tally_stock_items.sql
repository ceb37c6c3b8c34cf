-- Products as the shop's sales named them (name, HSN, unit, GST rate from order.confirmed lines): the stock item
-- masters of the Tally export. Accounting keeps no catalog; this is what its books were told about each product.
CREATE TABLE tally_stock_items (
    shop_id    TEXT          NOT NULL,
    product_id TEXT          NOT NULL,
    name       TEXT          NOT NULL,
    hsn        TEXT,
    unit       TEXT,
    gst_rate   NUMERIC(5, 2),
    updated_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, product_id)
);

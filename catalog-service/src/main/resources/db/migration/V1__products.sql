CREATE TABLE products (
    id            UUID PRIMARY KEY,
    shop_id       TEXT          NOT NULL,
    sku           TEXT          NOT NULL,
    barcode       TEXT,
    name          TEXT          NOT NULL,
    hsn           TEXT,
    gst_rate      NUMERIC(5, 2) NOT NULL,
    selling_price NUMERIC(14, 2) NOT NULL CHECK (selling_price >= 0),
    mrp           NUMERIC(14, 2) CHECK (mrp >= 0),
    tax_inclusive BOOLEAN       NOT NULL,
    unit          TEXT          NOT NULL,
    active        BOOLEAN       NOT NULL DEFAULT TRUE,
    version       BIGINT        NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX products_shop_sku ON products (shop_id, sku);
CREATE UNIQUE INDEX products_shop_barcode ON products (shop_id, barcode) WHERE barcode IS NOT NULL;
CREATE INDEX products_shop_name ON products (shop_id, lower(name));

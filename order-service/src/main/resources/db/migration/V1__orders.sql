-- Local replica of the catalog, built from catalog events, so selling works while catalog-service is down.
CREATE TABLE catalog_products (
    shop_id       TEXT           NOT NULL,
    product_id    TEXT           NOT NULL,
    sku           TEXT           NOT NULL,
    barcode       TEXT,
    name          TEXT           NOT NULL,
    hsn           TEXT,
    gst_rate      NUMERIC(5, 2)  NOT NULL,
    selling_price NUMERIC(14, 2) NOT NULL,
    mrp           NUMERIC(14, 2),
    tax_inclusive BOOLEAN        NOT NULL,
    unit          TEXT           NOT NULL,
    active        BOOLEAN        NOT NULL,
    version       BIGINT         NOT NULL,
    PRIMARY KEY (shop_id, product_id)
);
CREATE INDEX catalog_products_barcode ON catalog_products (shop_id, barcode);

CREATE TABLE orders (
    id          UUID PRIMARY KEY,
    shop_id     TEXT           NOT NULL,
    status      TEXT           NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED', 'CANCELLED')),
    cashier_id  TEXT           NOT NULL,
    location_id TEXT,
    currency    TEXT           NOT NULL,
    total       NUMERIC(14, 2) NOT NULL,
    reason      TEXT,
    placed_at   TIMESTAMPTZ    NOT NULL,
    deadline    TIMESTAMPTZ    NOT NULL,
    updated_at  TIMESTAMPTZ    NOT NULL
);
CREATE INDEX orders_shop_placed ON orders (shop_id, placed_at DESC, id);
CREATE INDEX orders_pending_deadline ON orders (deadline) WHERE status = 'PENDING';

-- What each line was sold at: a snapshot, immune to later catalog changes.
CREATE TABLE order_lines (
    order_id   UUID           NOT NULL REFERENCES orders (id),
    line_no    INT            NOT NULL,
    product_id TEXT           NOT NULL,
    sku        TEXT           NOT NULL,
    name       TEXT           NOT NULL,
    quantity   NUMERIC(14, 3) NOT NULL CHECK (quantity > 0),
    unit_price NUMERIC(14, 2) NOT NULL,
    line_total NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- Nested categories per shop. id_path ('/<root>/<child>/') finds a subtree with one LIKE; name_path is what people read.
CREATE TABLE categories (
    id         UUID PRIMARY KEY,
    shop_id    TEXT        NOT NULL,
    parent_id  UUID REFERENCES categories (id),
    name       TEXT        NOT NULL,
    id_path    TEXT        NOT NULL,
    name_path  TEXT        NOT NULL,
    depth      INT         NOT NULL CHECK (depth BETWEEN 1 AND 6),
    version    BIGINT      NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX categories_sibling_name ON categories (shop_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));
CREATE INDEX categories_shop_path ON categories (shop_id, id_path text_pattern_ops);

ALTER TABLE products
    ADD COLUMN description   TEXT,
    ADD COLUMN category_id   UUID REFERENCES categories (id),
    ADD COLUMN cost_price    NUMERIC(14, 2) CHECK (cost_price >= 0),
    ADD COLUMN reorder_level NUMERIC(14, 3) CHECK (reorder_level >= 0),
    ADD COLUMN perishable    BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN serial_tracked BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN archived_at   TIMESTAMPTZ;
CREATE INDEX products_shop_category ON products (shop_id, category_id);
CREATE INDEX products_shop_name_prefix ON products (shop_id, lower(name) text_pattern_ops);
CREATE INDEX products_shop_sku_prefix ON products (shop_id, lower(sku) text_pattern_ops);
CREATE INDEX products_shop_barcode_prefix ON products (shop_id, lower(barcode) text_pattern_ops);

-- Every price a product had: the first prices on creation (old values null), then each change.
CREATE TABLE price_history (
    id                BIGSERIAL PRIMARY KEY,
    shop_id           TEXT           NOT NULL,
    product_id        UUID           NOT NULL REFERENCES products (id),
    old_selling_price NUMERIC(14, 2),
    selling_price     NUMERIC(14, 2) NOT NULL,
    old_mrp           NUMERIC(14, 2),
    mrp               NUMERIC(14, 2),
    old_cost_price    NUMERIC(14, 2),
    cost_price        NUMERIC(14, 2),
    changed_by        TEXT           NOT NULL,
    cause             TEXT           NOT NULL,
    product_version   BIGINT         NOT NULL,
    changed_at        TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX price_history_product ON price_history (shop_id, product_id, id);

-- GST rates the shop set on a product, each from a date; the shipped schedule covers the rest (see gst/rate-schedule.csv).
CREATE TABLE product_tax_rates (
    product_id     UUID          NOT NULL REFERENCES products (id),
    effective_from DATE          NOT NULL,
    shop_id        TEXT          NOT NULL,
    rate           NUMERIC(5, 2) NOT NULL CHECK (rate >= 0 AND rate <= 40),
    set_by         TEXT          NOT NULL,
    set_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (product_id, effective_from)
);
-- products created before dated rates existed keep the rate they were created with
INSERT INTO product_tax_rates (product_id, effective_from, shop_id, rate, set_by)
SELECT id, (created_at AT TIME ZONE 'Asia/Kolkata')::date, shop_id, gst_rate, 'migration' FROM products;

-- The last date whose scheduled rate changes were applied to products' current rate.
CREATE TABLE tax_rate_rollover (
    id        INT PRIMARY KEY CHECK (id = 1),
    last_date DATE NOT NULL
);

-- Spreadsheet imports and the rows each one rejected (downloadable for fixing and re-importing).
CREATE TABLE product_imports (
    id          UUID PRIMARY KEY,
    shop_id     TEXT        NOT NULL,
    file_name   TEXT        NOT NULL,
    format      TEXT        NOT NULL,
    sha256      TEXT        NOT NULL,
    headers     TEXT        NOT NULL,
    total_rows  INT         NOT NULL DEFAULT 0,
    created     INT         NOT NULL DEFAULT 0,
    updated     INT         NOT NULL DEFAULT 0,
    unchanged   INT         NOT NULL DEFAULT 0,
    rejected    INT         NOT NULL DEFAULT 0,
    imported_by TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX product_imports_shop ON product_imports (shop_id, created_at DESC);
CREATE TABLE product_import_rejections (
    import_id  UUID NOT NULL REFERENCES product_imports (id),
    row_number INT  NOT NULL,
    sku        TEXT,
    errors     TEXT NOT NULL,
    cells      TEXT NOT NULL,
    PRIMARY KEY (import_id, row_number)
);

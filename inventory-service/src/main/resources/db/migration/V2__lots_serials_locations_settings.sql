-- What the catalog says about each product that stock rules need.
ALTER TABLE known_products
    ADD COLUMN barcode        TEXT,
    ADD COLUMN unit           TEXT,
    ADD COLUMN category_id    TEXT,
    ADD COLUMN category_path  TEXT,
    ADD COLUMN reorder_level  NUMERIC(14, 3),
    ADD COLUMN perishable     BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN serial_tracked BOOLEAN NOT NULL DEFAULT FALSE;

-- How each shop values its stock (moving average unless it chose FIFO).
CREATE TABLE inventory_settings (
    shop_id          TEXT PRIMARY KEY,
    valuation_method TEXT        NOT NULL CHECK (valuation_method IN ('MOVING_AVERAGE', 'FIFO')),
    updated_by       TEXT        NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Locations: the counter, godowns and warehouses. Retired locations stay for the ledger's sake.
ALTER TABLE locations
    ADD COLUMN kind       TEXT        NOT NULL DEFAULT 'COUNTER' CHECK (kind IN ('COUNTER', 'GODOWN', 'WAREHOUSE')),
    ADD COLUMN active     BOOLEAN     NOT NULL DEFAULT TRUE,
    ADD COLUMN version    BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now();

-- Lots: stock that came in together, with its cost, batch and expiry. sum(remaining) per product and
-- location equals stock_levels.on_hand (the reconciliation checks it); changed only under that row's lock.
CREATE TABLE stock_lots (
    id           BIGSERIAL PRIMARY KEY,
    shop_id      TEXT           NOT NULL,
    product_id   TEXT           NOT NULL,
    location_id  UUID           NOT NULL REFERENCES locations (id),
    batch_no     TEXT,
    expiry_date  DATE,
    unit_cost    NUMERIC(14, 4) NOT NULL CHECK (unit_cost >= 0),
    received_qty NUMERIC(14, 3) NOT NULL CHECK (received_qty > 0),
    remaining    NUMERIC(14, 3) NOT NULL CHECK (remaining >= 0 AND remaining <= received_qty),
    cause        TEXT           NOT NULL,
    received_at  TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX stock_lots_open ON stock_lots (shop_id, product_id, location_id, id) WHERE remaining > 0;
CREATE INDEX stock_lots_expiry ON stock_lots (shop_id, expiry_date) WHERE remaining > 0 AND expiry_date IS NOT NULL;

-- stock received before lots existed becomes one lot at its average cost
INSERT INTO stock_lots (shop_id, product_id, location_id, unit_cost, received_qty, remaining, cause)
SELECT shop_id, product_id, location_id, avg_cost, on_hand, on_hand, 'opening:migration' FROM stock_levels WHERE on_hand > 0;

-- Which lots each ledger movement took from or added to.
CREATE TABLE stock_ledger_lots (
    ledger_id BIGINT         NOT NULL REFERENCES stock_ledger (id),
    lot_id    BIGINT         NOT NULL REFERENCES stock_lots (id),
    quantity  NUMERIC(14, 3) NOT NULL,
    unit_cost NUMERIC(14, 4) NOT NULL,
    PRIMARY KEY (ledger_id, lot_id)
);
CREATE INDEX stock_ledger_lots_lot ON stock_ledger_lots (lot_id);

-- Units of serial-tracked products (IMEIs): where each is, and every movement it made.
CREATE TABLE serial_units (
    shop_id       TEXT        NOT NULL,
    product_id    TEXT        NOT NULL,
    serial        TEXT        NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('IN_STOCK', 'SOLD', 'WRITTEN_OFF')),
    location_id   UUID REFERENCES locations (id),
    lot_id        BIGINT REFERENCES stock_lots (id),
    times_sold    INT         NOT NULL DEFAULT 0,
    times_returned INT        NOT NULL DEFAULT 0,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, product_id, serial),
    CHECK ((status = 'IN_STOCK') = (location_id IS NOT NULL))
);
CREATE INDEX serial_units_in_stock ON serial_units (shop_id, product_id, location_id, lot_id) WHERE status = 'IN_STOCK';
CREATE TABLE stock_ledger_serials (
    ledger_id BIGINT NOT NULL REFERENCES stock_ledger (id),
    serial    TEXT   NOT NULL,
    PRIMARY KEY (ledger_id, serial)
);

-- Products announced as low (stock.low goes out once per fall below the reorder level).
CREATE TABLE low_stock_flags (
    shop_id    TEXT        NOT NULL,
    product_id TEXT        NOT NULL,
    is_low     BOOLEAN     NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, product_id)
);

-- Physical counts as posted: what the books said, what was counted, the difference.
CREATE TABLE stock_counts (
    id          UUID PRIMARY KEY,
    shop_id     TEXT        NOT NULL,
    location_id UUID        NOT NULL REFERENCES locations (id),
    note        TEXT,
    counted_by  TEXT        NOT NULL,
    posted_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE stock_count_lines (
    count_id   UUID           NOT NULL REFERENCES stock_counts (id),
    product_id TEXT           NOT NULL,
    expected   NUMERIC(14, 3) NOT NULL,
    counted    NUMERIC(14, 3) NOT NULL,
    difference NUMERIC(14, 3) NOT NULL,
    unit_cost  NUMERIC(14, 4) NOT NULL,
    value      NUMERIC(16, 4) NOT NULL,
    ledger_id  BIGINT REFERENCES stock_ledger (id),
    PRIMARY KEY (count_id, product_id)
);

-- Products this service knows, replicated from catalog events.
CREATE TABLE known_products (
    shop_id       TEXT    NOT NULL,
    product_id    TEXT    NOT NULL,
    sku           TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    active        BOOLEAN NOT NULL,
    version       BIGINT  NOT NULL,
    PRIMARY KEY (shop_id, product_id)
);

CREATE TABLE locations (
    id         UUID PRIMARY KEY,
    shop_id    TEXT        NOT NULL,
    code       TEXT        NOT NULL,
    name       TEXT        NOT NULL,
    is_default BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (shop_id, code)
);
CREATE UNIQUE INDEX locations_one_default ON locations (shop_id) WHERE is_default;

-- Stock levels are a cache of the ledger, kept in the same transaction as each movement.
CREATE TABLE stock_levels (
    shop_id     TEXT           NOT NULL,
    product_id  TEXT           NOT NULL,
    location_id UUID           NOT NULL REFERENCES locations (id),
    on_hand     NUMERIC(14, 3) NOT NULL DEFAULT 0,
    reserved    NUMERIC(14, 3) NOT NULL DEFAULT 0,
    avg_cost    NUMERIC(14, 4) NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, product_id, location_id),
    CONSTRAINT stock_never_negative CHECK (on_hand >= 0 AND reserved >= 0 AND reserved <= on_hand)
);

-- The immutable stock ledger: every movement, never updated or deleted.
CREATE TABLE stock_ledger (
    id            BIGSERIAL PRIMARY KEY,
    shop_id       TEXT           NOT NULL,
    product_id    TEXT           NOT NULL,
    location_id   UUID           NOT NULL,
    movement      TEXT           NOT NULL,
    quantity      NUMERIC(14, 3) NOT NULL,
    unit_cost     NUMERIC(14, 4) NOT NULL,
    on_hand_after NUMERIC(14, 3) NOT NULL,
    value_after   NUMERIC(16, 4) NOT NULL,
    reason        TEXT,
    actor         TEXT           NOT NULL,
    cause         TEXT           NOT NULL,
    created_at    TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX stock_ledger_product ON stock_ledger (shop_id, product_id, id);
CREATE RULE stock_ledger_no_update AS ON UPDATE TO stock_ledger DO INSTEAD NOTHING;
CREATE RULE stock_ledger_no_delete AS ON DELETE TO stock_ledger DO INSTEAD NOTHING;

-- One reservation per order; its lines say what is held where.
CREATE TABLE reservations (
    order_id    TEXT PRIMARY KEY,
    shop_id     TEXT        NOT NULL,
    location_id UUID        NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('RESERVED', 'REJECTED', 'COMMITTED', 'RELEASED')),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE reservation_lines (
    order_id   TEXT           NOT NULL REFERENCES reservations (order_id),
    product_id TEXT           NOT NULL,
    quantity   NUMERIC(14, 3) NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, product_id)
);

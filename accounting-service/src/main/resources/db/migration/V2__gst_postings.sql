-- The customer (khata party) of a receivable line: a phone number or a GSTIN.
ALTER TABLE journal_lines ADD COLUMN party TEXT;
CREATE INDEX journal_lines_party ON journal_lines (account, party) WHERE party IS NOT NULL;

-- What each sale cost, from stock.committed: returns reverse cost of sales at the cost the goods left at.
CREATE TABLE sale_cost_orders (
    shop_id  TEXT NOT NULL,
    order_id TEXT NOT NULL,
    PRIMARY KEY (shop_id, order_id)
);
CREATE TABLE sale_costs (
    shop_id    TEXT           NOT NULL,
    order_id   TEXT           NOT NULL,
    product_id TEXT           NOT NULL,
    quantity   NUMERIC(14, 3) NOT NULL,
    unit_cost  NUMERIC(14, 4) NOT NULL,
    PRIMARY KEY (shop_id, order_id, product_id)
);
-- Returns whose sale cost has not arrived yet (order and inventory events travel on different topics).
CREATE TABLE pending_cost_reversals (
    shop_id     TEXT           NOT NULL,
    order_id    TEXT           NOT NULL,
    source      TEXT           NOT NULL,
    entry_date  DATE           NOT NULL,
    product_id  TEXT           NOT NULL,
    disposition TEXT           NOT NULL,
    quantity    NUMERIC(14, 3) NOT NULL,
    PRIMARY KEY (shop_id, source, product_id, disposition)
);
CREATE INDEX pending_cost_reversals_order ON pending_cost_reversals (shop_id, order_id);

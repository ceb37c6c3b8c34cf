-- A read model: rebuildable from kirana.order.events at any time.
CREATE TABLE daily_sales (
    shop_id  TEXT           NOT NULL,
    day      DATE           NOT NULL,
    orders   BIGINT         NOT NULL,
    revenue  NUMERIC(16, 2) NOT NULL,
    PRIMARY KEY (shop_id, day)
);

-- Rollups that keep a year of reports fast: the figures of sale_lines per month, product, kind, HSN and rate, and of
-- sale_docs (with the cost of their lines) per day and kind; the day each product last sold. Kept by the same
-- handlers that write the rows they sum, in the same transaction; filled here from what is already there.
CREATE TABLE line_months (
    shop_id    TEXT           NOT NULL,
    month      DATE           NOT NULL,
    product_id TEXT           NOT NULL,
    kind       TEXT           NOT NULL,
    hsn        TEXT           NOT NULL,
    gst_rate   NUMERIC(5, 2)  NOT NULL,
    name       TEXT,
    quantity   NUMERIC(18, 3) NOT NULL DEFAULT 0,
    amount     NUMERIC(18, 2) NOT NULL DEFAULT 0,
    discount   NUMERIC(18, 2) NOT NULL DEFAULT 0,
    taxable    NUMERIC(18, 2) NOT NULL DEFAULT 0,
    cgst       NUMERIC(18, 2) NOT NULL DEFAULT 0,
    sgst       NUMERIC(18, 2) NOT NULL DEFAULT 0,
    igst       NUMERIC(18, 2) NOT NULL DEFAULT 0,
    cost       NUMERIC(20, 6) NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, month, product_id, kind, hsn, gst_rate)
);

INSERT INTO line_months (shop_id, month, product_id, kind, hsn, gst_rate, name, quantity, amount, discount, taxable,
                         cgst, sgst, igst, cost)
SELECT shop_id, date_trunc('month', day)::date, product_id, kind, coalesce(hsn, ''), coalesce(gst_rate, 0), max(name),
       sum(quantity), sum(amount), sum(discount), sum(taxable), sum(cgst), sum(sgst), sum(igst), coalesce(sum(cost), 0)
  FROM sale_lines GROUP BY 1, 2, 3, 4, 5, 6;

CREATE TABLE doc_days (
    shop_id  TEXT           NOT NULL,
    day      DATE           NOT NULL,
    kind     TEXT           NOT NULL,
    docs     BIGINT         NOT NULL DEFAULT 0,
    total    NUMERIC(18, 2) NOT NULL DEFAULT 0,
    discount NUMERIC(18, 2) NOT NULL DEFAULT 0,
    taxable  NUMERIC(18, 2) NOT NULL DEFAULT 0,
    tax      NUMERIC(18, 2) NOT NULL DEFAULT 0,
    cost     NUMERIC(20, 6) NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, day, kind)
);

INSERT INTO doc_days (shop_id, day, kind, docs, total, discount, taxable, tax)
SELECT shop_id, day, kind, count(*), sum(total), sum(discount), sum(taxable), sum(cgst + sgst + igst)
  FROM sale_docs GROUP BY 1, 2, 3;
UPDATE doc_days d SET cost = c.cost
  FROM (SELECT shop_id, day, kind, coalesce(sum(cost), 0) AS cost FROM sale_lines GROUP BY 1, 2, 3) c
 WHERE c.shop_id = d.shop_id AND c.day = d.day AND c.kind = d.kind;

ALTER TABLE stock ADD COLUMN last_sold DATE;
UPDATE stock s SET last_sold = l.last_sold
  FROM (SELECT shop_id, product_id, max(day) AS last_sold FROM sale_lines WHERE kind = 'SALE' GROUP BY 1, 2) l
 WHERE l.shop_id = s.shop_id AND l.product_id = s.product_id;

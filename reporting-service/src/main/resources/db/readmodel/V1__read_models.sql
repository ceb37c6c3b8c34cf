-- Read models: every table here is built from the suite's topics only and can be rebuilt at any time into a fresh
-- schema that is then swapped in (ReadModelRebuild). Signed figures: returns (voids, refunds) are negative rows on
-- the day they happened, so a sum over a date range is the net figure and a filter on kind gives gross or returns.

-- the inbox of the read models lives with them, so a rebuilt schema knows exactly which events it holds
CREATE TABLE kirana_inbox (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE TABLE shops (
    shop_id    TEXT PRIMARY KEY,
    name       TEXT,
    state_code TEXT,
    time_zone  TEXT NOT NULL DEFAULT 'Asia/Kolkata'
);

CREATE TABLE products (
    shop_id       TEXT    NOT NULL,
    product_id    TEXT    NOT NULL,
    sku           TEXT,
    name          TEXT,
    category_id   TEXT,
    category_path TEXT,
    hsn           TEXT,
    gst_rate      NUMERIC(5, 2),
    selling_price NUMERIC(16, 2),
    cost_price    NUMERIC(16, 4),
    reorder_level NUMERIC(16, 3),
    active        BOOLEAN NOT NULL DEFAULT true,
    version       BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, product_id)
);

-- one row per sale (SALE), void (VOID) and refund (REFUND); amounts of VOID and REFUND rows are negative
CREATE TABLE sale_docs (
    shop_id      TEXT           NOT NULL,
    doc_id       TEXT           NOT NULL,
    order_id     TEXT           NOT NULL,
    kind         TEXT           NOT NULL CHECK (kind IN ('SALE', 'VOID', 'REFUND')),
    number       TEXT,
    at           TIMESTAMPTZ    NOT NULL,
    day          DATE           NOT NULL,
    hour         SMALLINT       NOT NULL,
    weekday      SMALLINT       NOT NULL, -- ISO: 1 Monday … 7 Sunday
    cashier_id   TEXT,                    -- who rang the sale, voided it or paid the refund
    customer_key TEXT,                    -- GSTIN, else phone, else null (walk-in)
    customer     TEXT,
    location_id  TEXT,
    total        NUMERIC(16, 2) NOT NULL, -- what the customer paid (or got back), tax and round-off included
    discount     NUMERIC(16, 2) NOT NULL DEFAULT 0,
    taxable      NUMERIC(16, 2) NOT NULL DEFAULT 0,
    cgst         NUMERIC(16, 2) NOT NULL DEFAULT 0,
    sgst         NUMERIC(16, 2) NOT NULL DEFAULT 0,
    igst         NUMERIC(16, 2) NOT NULL DEFAULT 0,
    round_off    NUMERIC(16, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, doc_id)
);
CREATE INDEX sale_docs_day ON sale_docs (shop_id, day);

CREATE TABLE sale_lines (
    shop_id     TEXT           NOT NULL,
    doc_id      TEXT           NOT NULL,
    line_no     INT            NOT NULL,
    order_id    TEXT           NOT NULL,
    kind        TEXT           NOT NULL,
    day         DATE           NOT NULL,
    hour        SMALLINT       NOT NULL,
    weekday     SMALLINT       NOT NULL,
    cashier_id  TEXT,
    product_id  TEXT           NOT NULL,
    name        TEXT,
    hsn         TEXT,
    gst_rate    NUMERIC(5, 2),
    quantity    NUMERIC(16, 3) NOT NULL,
    amount      NUMERIC(16, 2) NOT NULL, -- line total: taxable value + tax
    discount    NUMERIC(16, 2) NOT NULL DEFAULT 0,
    taxable     NUMERIC(16, 2) NOT NULL,
    cgst        NUMERIC(16, 2) NOT NULL DEFAULT 0,
    sgst        NUMERIC(16, 2) NOT NULL DEFAULT 0,
    igst        NUMERIC(16, 2) NOT NULL DEFAULT 0,
    -- a refunded line written off (damaged goods) does not come back to stock: its cost stays in the cost of sales
    restocked   BOOLEAN        NOT NULL DEFAULT true,
    unit_cost   NUMERIC(18, 6),          -- from stock.committed of the order; null until it arrives
    cost        NUMERIC(18, 6) GENERATED ALWAYS AS (CASE WHEN restocked THEN quantity * unit_cost ELSE 0 END) STORED,
    PRIMARY KEY (shop_id, doc_id, line_no)
);
CREATE INDEX sale_lines_day ON sale_lines (shop_id, day);
CREATE INDEX sale_lines_product ON sale_lines (shop_id, product_id, day);
CREATE INDEX sale_lines_order ON sale_lines (shop_id, order_id);

CREATE TABLE sale_tenders (
    shop_id    TEXT           NOT NULL,
    doc_id     TEXT           NOT NULL,
    seq        INT            NOT NULL,
    kind       TEXT           NOT NULL,
    day        DATE           NOT NULL,
    cashier_id TEXT,
    type       TEXT           NOT NULL,
    amount     NUMERIC(16, 2) NOT NULL,
    PRIMARY KEY (shop_id, doc_id, seq)
);
CREATE INDEX sale_tenders_day ON sale_tenders (shop_id, day);

-- what the goods of a sale cost, per product (stock.committed)
CREATE TABLE order_costs (
    shop_id    TEXT           NOT NULL,
    order_id   TEXT           NOT NULL,
    product_id TEXT           NOT NULL,
    quantity   NUMERIC(16, 3) NOT NULL,
    value      NUMERIC(18, 6) NOT NULL,
    PRIMARY KEY (shop_id, order_id, product_id)
);

-- stock on hand and its value per product (all locations), from the quantity and value of every movement
CREATE TABLE stock (
    shop_id        TEXT           NOT NULL,
    product_id     TEXT           NOT NULL,
    on_hand        NUMERIC(18, 3) NOT NULL DEFAULT 0,
    value          NUMERIC(20, 6) NOT NULL DEFAULT 0,
    last_in_at     TIMESTAMPTZ,
    PRIMARY KEY (shop_id, product_id)
);

-- lots (batches) with what is left of each, from the lot moves inventory's events carry
CREATE TABLE lots (
    shop_id     TEXT           NOT NULL,
    lot_id      TEXT           NOT NULL,
    product_id  TEXT           NOT NULL,
    batch_no    TEXT,
    expiry_date DATE,
    received_at TIMESTAMPTZ,
    unit_cost   NUMERIC(18, 6),
    remaining   NUMERIC(18, 3) NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, lot_id)
);
CREATE INDEX lots_expiry ON lots (shop_id, expiry_date) WHERE expiry_date IS NOT NULL;

-- the supplier a product last came from (purchase.billed)
CREATE TABLE product_suppliers (
    shop_id       TEXT NOT NULL,
    product_id    TEXT NOT NULL,
    supplier_id   TEXT NOT NULL,
    supplier_name TEXT,
    last_billed   DATE NOT NULL,
    unit_cost     NUMERIC(18, 4),
    PRIMARY KEY (shop_id, product_id)
);

CREATE TABLE parties (
    shop_id      TEXT           NOT NULL,
    party_id     TEXT           NOT NULL,
    kind         TEXT           NOT NULL,
    name         TEXT,
    phone        TEXT,
    balance      NUMERIC(16, 2) NOT NULL DEFAULT 0,
    credit_limit NUMERIC(16, 2),
    merged_into  TEXT,
    changed_at   TIMESTAMPTZ,
    PRIMARY KEY (shop_id, party_id)
);

-- every balance a party had, in order: what khata ageing walks back through
CREATE TABLE party_balances (
    shop_id    TEXT           NOT NULL,
    party_id   TEXT           NOT NULL,
    event_id   TEXT           NOT NULL,
    changed_at TIMESTAMPTZ    NOT NULL,
    balance    NUMERIC(16, 2) NOT NULL,
    PRIMARY KEY (shop_id, party_id, event_id)
);

CREATE TABLE expenses (
    shop_id       TEXT           NOT NULL,
    expense_id    TEXT           NOT NULL,
    category_id   TEXT,
    category_name TEXT,
    day           DATE           NOT NULL,
    amount        NUMERIC(16, 2) NOT NULL,
    net_amount    NUMERIC(16, 2) NOT NULL,
    tax           NUMERIC(16, 2) NOT NULL,
    mode          TEXT,
    reversed_on   DATE,
    PRIMARY KEY (shop_id, expense_id)
);

-- money in (+) and out (-) of the shop's cash, card/UPI clearing and bank accounts, per source document
CREATE TABLE money_moves (
    shop_id   TEXT           NOT NULL,
    source_id TEXT           NOT NULL,
    seq       INT            NOT NULL,
    at        TIMESTAMPTZ    NOT NULL,
    day       DATE           NOT NULL,
    channel   TEXT           NOT NULL, -- CASH, CARD, UPI, BANK
    category  TEXT           NOT NULL, -- SALES, REFUNDS, COLLECTIONS, SUPPLIER_PAYMENTS, PURCHASES, EXPENSES, FEES, SETTLEMENTS, CASH_VARIANCE
    amount    NUMERIC(16, 2) NOT NULL,
    PRIMARY KEY (shop_id, source_id, seq)
);
CREATE INDEX money_moves_day ON money_moves (shop_id, day);

CREATE TABLE day_closes (
    shop_id   TEXT           NOT NULL,
    day       DATE           NOT NULL,
    counted   NUMERIC(16, 2) NOT NULL,
    expected  NUMERIC(16, 2) NOT NULL,
    variance  NUMERIC(16, 2) NOT NULL,
    closed_at TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (shop_id, day)
);

-- Point of sale: GST per line, discounts, customers, tenders, invoice and credit-note series, refunds, loyalty.

-- What order-service knows of each shop: its GST registration (from shop events) and its POS settings (owned here).
CREATE TABLE shops (
    shop_id                TEXT PRIMARY KEY,
    name                   TEXT,
    state_code             TEXT,
    gstin                  TEXT,
    registration_type      TEXT,
    currency               TEXT,
    fy_start_month         INT,
    invoice_prefix         TEXT          NOT NULL DEFAULT 'INV',
    credit_note_prefix     TEXT          NOT NULL DEFAULT 'CN',
    loyalty_points_per_100 NUMERIC(8, 2) NOT NULL DEFAULT 1 CHECK (loyalty_points_per_100 >= 0),
    loyalty_point_value    NUMERIC(8, 2) NOT NULL DEFAULT 1 CHECK (loyalty_point_value >= 0),
    address                TEXT,
    receipt_footer         TEXT,
    updated_at             TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CHECK (invoice_prefix <> credit_note_prefix)
);

-- A product's GST rate by the date it took effect (the replica's rate history), for the rate on the date of supply.
CREATE TABLE catalog_tax_rates (
    shop_id        TEXT          NOT NULL,
    product_id     TEXT          NOT NULL,
    effective_from DATE          NOT NULL,
    gst_rate       NUMERIC(5, 2) NOT NULL,
    PRIMARY KEY (shop_id, product_id, effective_from)
);

-- Gapless numbering: one counter per shop, series prefix and financial year, incremented in the transaction that
-- issues the document (a rollback gives the number back, so numbers have no gaps).
CREATE TABLE document_series (
    shop_id        TEXT   NOT NULL,
    prefix         TEXT   NOT NULL,
    financial_year TEXT   NOT NULL,
    kind           TEXT   NOT NULL CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
    last_number    BIGINT NOT NULL CHECK (last_number > 0),
    PRIMARY KEY (shop_id, prefix, financial_year)
);

ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN
    ('PENDING', 'CONFIRMED', 'REJECTED', 'CANCELLED', 'VOIDED', 'PARTIALLY_REFUNDED', 'REFUNDED'));
ALTER TABLE orders
    ADD COLUMN document_type           TEXT           NOT NULL DEFAULT 'TAX_INVOICE',
    ADD COLUMN supplier_state          TEXT,
    ADD COLUMN place_of_supply         TEXT,
    ADD COLUMN supply_type             TEXT,
    ADD COLUMN customer_name           TEXT,
    ADD COLUMN customer_phone          TEXT,
    ADD COLUMN customer_gstin          TEXT,
    ADD COLUMN gross                   NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN discount                NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN taxable_value           NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN cgst                    NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN sgst                    NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN igst                    NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN round_off               NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN received                NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN change_due              NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN invoice_number          TEXT,
    ADD COLUMN invoice_date            DATE,
    ADD COLUMN confirmed_at            TIMESTAMPTZ,
    ADD COLUMN refunded_total          NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN loyalty_points_earned   BIGINT         NOT NULL DEFAULT 0,
    ADD COLUMN loyalty_points_redeemed BIGINT         NOT NULL DEFAULT 0,
    ADD COLUMN loyalty_points_reversed BIGINT         NOT NULL DEFAULT 0,
    ADD COLUMN voided_at               TIMESTAMPTZ,
    ADD COLUMN voided_by               TEXT,
    ADD COLUMN void_reason             TEXT;
CREATE UNIQUE INDEX orders_invoice_number ON orders (shop_id, invoice_number) WHERE invoice_number IS NOT NULL;
CREATE INDEX orders_shop_customer ON orders (shop_id, customer_phone) WHERE customer_phone IS NOT NULL;
CREATE INDEX orders_shop_cashier ON orders (shop_id, cashier_id, placed_at DESC);

ALTER TABLE order_lines
    ADD COLUMN barcode            TEXT,
    ADD COLUMN hsn                TEXT,
    ADD COLUMN unit               TEXT,
    ADD COLUMN gst_rate           NUMERIC(5, 2)  NOT NULL DEFAULT 0,
    ADD COLUMN tax_inclusive      BOOLEAN        NOT NULL DEFAULT true,
    ADD COLUMN gross              NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN line_discount      NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN order_discount     NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN taxable_value      NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN cgst               NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN sgst               NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN igst               NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN refunded_quantity  NUMERIC(14, 3) NOT NULL DEFAULT 0,
    ADD COLUMN refunded_taxable   NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN refunded_cgst      NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN refunded_sgst      NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN refunded_igst      NUMERIC(14, 2) NOT NULL DEFAULT 0,
    ADD CONSTRAINT order_lines_refund_within_sale CHECK (refunded_quantity >= 0 AND refunded_quantity <= quantity);

CREATE TABLE order_tenders (
    order_id  UUID           NOT NULL REFERENCES orders (id),
    tender_no INT            NOT NULL,
    type      TEXT           NOT NULL CHECK (type IN ('CASH', 'CARD', 'UPI', 'CREDIT', 'LOYALTY')),
    tendered  NUMERIC(14, 2) NOT NULL CHECK (tendered > 0),
    amount    NUMERIC(14, 2) NOT NULL CHECK (amount >= 0),
    change    NUMERIC(14, 2) NOT NULL DEFAULT 0,
    reference TEXT,
    points    BIGINT,
    PRIMARY KEY (order_id, tender_no)
);
CREATE INDEX order_tenders_type ON order_tenders (type, order_id);

CREATE TABLE refunds (
    id                      UUID PRIMARY KEY,
    shop_id                 TEXT           NOT NULL,
    order_id                UUID           NOT NULL REFERENCES orders (id),
    credit_note_number      TEXT           NOT NULL,
    credit_note_date        DATE           NOT NULL,
    tender                  TEXT           NOT NULL,
    reference               TEXT,
    reason                  TEXT,
    taxable_value           NUMERIC(14, 2) NOT NULL,
    cgst                    NUMERIC(14, 2) NOT NULL,
    sgst                    NUMERIC(14, 2) NOT NULL,
    igst                    NUMERIC(14, 2) NOT NULL,
    round_off               NUMERIC(14, 2) NOT NULL,
    total                   NUMERIC(14, 2) NOT NULL,
    loyalty_points_reversed BIGINT         NOT NULL DEFAULT 0,
    refunded_by             TEXT           NOT NULL,
    created_at              TIMESTAMPTZ    NOT NULL,
    UNIQUE (shop_id, credit_note_number)
);
CREATE INDEX refunds_order ON refunds (order_id, created_at);

CREATE TABLE refund_lines (
    refund_id     UUID           NOT NULL REFERENCES refunds (id),
    line_no       INT            NOT NULL,
    quantity      NUMERIC(14, 3) NOT NULL CHECK (quantity > 0),
    disposition   TEXT           NOT NULL CHECK (disposition IN ('RESTOCK', 'WRITE_OFF')),
    taxable_value NUMERIC(14, 2) NOT NULL,
    cgst          NUMERIC(14, 2) NOT NULL,
    sgst          NUMERIC(14, 2) NOT NULL,
    igst          NUMERIC(14, 2) NOT NULL,
    amount        NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (refund_id, line_no)
);

-- Loyalty points per customer (by phone) and their history.
CREATE TABLE loyalty_accounts (
    shop_id TEXT   NOT NULL,
    phone   TEXT   NOT NULL,
    balance BIGINT NOT NULL CHECK (balance >= 0),
    PRIMARY KEY (shop_id, phone)
);
CREATE TABLE loyalty_ledger (
    id        BIGSERIAL PRIMARY KEY,
    shop_id   TEXT        NOT NULL,
    phone     TEXT        NOT NULL,
    order_id  UUID,
    kind      TEXT        NOT NULL CHECK (kind IN ('EARNED', 'REDEEMED', 'REDEMPTION_RETURNED', 'EARNING_REVERSED')),
    points    BIGINT      NOT NULL,
    at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX loyalty_ledger_customer ON loyalty_ledger (shop_id, phone, id);

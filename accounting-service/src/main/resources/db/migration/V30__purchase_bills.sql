-- The shop's GST state (from shop events): a purchase within it takes input CGST + SGST, from another state input IGST.
CREATE TABLE shop_states (
    shop_id    TEXT PRIMARY KEY,
    state_code TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Suppliers' bills, recorded once: a bill number is unique per supplier (case and surrounding spaces ignored).
CREATE TABLE purchase_bills (
    id           UUID PRIMARY KEY,
    shop_id      TEXT           NOT NULL,
    supplier_id  UUID           NOT NULL REFERENCES parties (id),
    bill_number  TEXT           NOT NULL,
    bill_key     TEXT           NOT NULL,
    bill_date    DATE           NOT NULL,
    supply_type  TEXT           NOT NULL CHECK (supply_type IN ('INTRA_STATE', 'INTER_STATE')),
    taxable      NUMERIC(16, 2) NOT NULL CHECK (taxable >= 0),
    cgst         NUMERIC(16, 2) NOT NULL CHECK (cgst >= 0),
    sgst         NUMERIC(16, 2) NOT NULL CHECK (sgst >= 0),
    igst         NUMERIC(16, 2) NOT NULL CHECK (igst >= 0),
    total        NUMERIC(16, 2) NOT NULL CHECK (total = taxable + cgst + sgst + igst),
    paid_payment UUID REFERENCES khata_payments (id),
    notes        TEXT,
    recorded_by  TEXT           NOT NULL,
    created_at   TIMESTAMPTZ    NOT NULL DEFAULT now(),
    UNIQUE (shop_id, supplier_id, bill_key)
);
CREATE INDEX purchase_bills_shop_date ON purchase_bills (shop_id, bill_date DESC, created_at DESC, id);

CREATE TABLE purchase_bill_lines (
    bill_id      UUID           NOT NULL REFERENCES purchase_bills (id),
    line_no      INT            NOT NULL,
    product_id   TEXT           NOT NULL,
    quantity     NUMERIC(14, 3) NOT NULL CHECK (quantity > 0),
    unit_cost    NUMERIC(14, 4) NOT NULL CHECK (unit_cost >= 0),
    gst_rate     NUMERIC(5, 2)  NOT NULL,
    taxable      NUMERIC(16, 2) NOT NULL,
    cgst         NUMERIC(16, 2) NOT NULL,
    sgst         NUMERIC(16, 2) NOT NULL,
    igst         NUMERIC(16, 2) NOT NULL,
    batch_no     TEXT,
    expiry_date  DATE,
    location_id  UUID,
    returned_qty NUMERIC(14, 3) NOT NULL DEFAULT 0 CHECK (returned_qty >= 0 AND returned_qty <= quantity),
    PRIMARY KEY (bill_id, line_no)
);

-- Goods sent back to the supplier, each under a debit note numbered per shop and financial year.
CREATE TABLE purchase_returns (
    id           UUID PRIMARY KEY,
    shop_id      TEXT           NOT NULL,
    bill_id      UUID           NOT NULL REFERENCES purchase_bills (id),
    debit_note   TEXT           NOT NULL,
    return_date  DATE           NOT NULL,
    taxable      NUMERIC(16, 2) NOT NULL,
    cgst         NUMERIC(16, 2) NOT NULL,
    sgst         NUMERIC(16, 2) NOT NULL,
    igst         NUMERIC(16, 2) NOT NULL,
    total        NUMERIC(16, 2) NOT NULL,
    reason       TEXT,
    recorded_by  TEXT           NOT NULL,
    created_at   TIMESTAMPTZ    NOT NULL DEFAULT now(),
    UNIQUE (shop_id, debit_note)
);
CREATE INDEX purchase_returns_bill ON purchase_returns (bill_id, created_at);

CREATE TABLE purchase_return_lines (
    return_id UUID           NOT NULL REFERENCES purchase_returns (id),
    line_no   INT            NOT NULL,
    quantity  NUMERIC(14, 3) NOT NULL CHECK (quantity > 0),
    taxable   NUMERIC(16, 2) NOT NULL,
    cgst      NUMERIC(16, 2) NOT NULL,
    sgst      NUMERIC(16, 2) NOT NULL,
    igst      NUMERIC(16, 2) NOT NULL,
    PRIMARY KEY (return_id, line_no)
);

-- The last debit note number used per shop and financial year (April-March), taken under the row's lock: gapless.
CREATE TABLE debit_note_series (
    shop_id        TEXT NOT NULL,
    financial_year TEXT NOT NULL,
    last_number    INT  NOT NULL,
    PRIMARY KEY (shop_id, financial_year)
);

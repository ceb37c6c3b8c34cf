-- The shop's own GSTIN (from shop events), which heads its GST returns.
ALTER TABLE shop_states ADD COLUMN gstin TEXT;

-- The outward-supplies register: every invoice, credit note and cancellation (a voided invoice) the shop issued, as the
-- sale's events told it, each once. return_period is the month whose GSTR-1 reports it: its own month, or the first
-- month after it still open when that month had already been filed.
CREATE TABLE gst_outward_documents (
    id              UUID PRIMARY KEY,
    shop_id         TEXT           NOT NULL,
    source          TEXT           NOT NULL,
    kind            TEXT           NOT NULL CHECK (kind IN ('INVOICE', 'CREDIT_NOTE', 'CANCELLATION')),
    order_id        TEXT           NOT NULL,
    number          TEXT           NOT NULL,
    doc_date        DATE           NOT NULL,
    document_type   TEXT           NOT NULL,
    invoice_number  TEXT,
    invoice_date    DATE,
    invoice_value   NUMERIC(16, 2),
    buyer_gstin     TEXT,
    place_of_supply TEXT           NOT NULL,
    inter_state     BOOLEAN        NOT NULL,
    value           NUMERIC(16, 2) NOT NULL,
    return_period   DATE           NOT NULL,
    recorded_at     TIMESTAMPTZ    NOT NULL DEFAULT now(),
    UNIQUE (shop_id, source)
);
CREATE INDEX gst_outward_documents_period ON gst_outward_documents (shop_id, return_period, doc_date, number);
CREATE INDEX gst_outward_documents_order ON gst_outward_documents (shop_id, order_id);

CREATE TABLE gst_outward_lines (
    document_id UUID           NOT NULL REFERENCES gst_outward_documents (id),
    line_no     INT            NOT NULL,
    hsn         TEXT,
    description TEXT,
    unit        TEXT,
    quantity    NUMERIC(14, 3) NOT NULL,
    rate        NUMERIC(5, 2)  NOT NULL,
    taxable     NUMERIC(16, 2) NOT NULL,
    cgst        NUMERIC(16, 2) NOT NULL,
    sgst        NUMERIC(16, 2) NOT NULL,
    igst        NUMERIC(16, 2) NOT NULL,
    PRIMARY KEY (document_id, line_no)
);

-- A GSTR-1 marked filed: what was filed, as the offline tool's JSON, kept as the answer for that period from then on.
CREATE TABLE gst_filed_returns (
    shop_id   TEXT        NOT NULL,
    period    TEXT        NOT NULL,
    gstr1     TEXT        NOT NULL,
    filed_by  TEXT        NOT NULL,
    filed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, period)
);

-- Each month a filed return covers: a month is filed at most once (monthly, or within one quarter).
CREATE TABLE gst_filed_months (
    shop_id TEXT NOT NULL,
    month   DATE NOT NULL,
    period  TEXT NOT NULL,
    PRIMARY KEY (shop_id, month),
    FOREIGN KEY (shop_id, period) REFERENCES gst_filed_returns (shop_id, period)
);

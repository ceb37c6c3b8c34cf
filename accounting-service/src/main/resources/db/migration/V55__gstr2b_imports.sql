-- A GSTR-2B statement imported for a shop and return period (YYYY-MM); a later import of the same period replaces it.
CREATE TABLE itc_2b_imports (
    id           UUID PRIMARY KEY,
    shop_id      TEXT        NOT NULL,
    period       TEXT        NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    gstin        TEXT        NOT NULL,
    generated_on DATE,
    version      TEXT,
    sha256       TEXT        NOT NULL,
    documents    INT         NOT NULL,
    imported_by  TEXT        NOT NULL,
    imported_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (shop_id, period)
);

-- The documents of an import as the suppliers reported them: invoices (b2b) and credit/debit notes (cdnr), tax summed
-- over the document's rate lines.
CREATE TABLE itc_2b_documents (
    import_id       UUID           NOT NULL REFERENCES itc_2b_imports (id) ON DELETE CASCADE,
    seq             INT            NOT NULL,
    doc_type        TEXT           NOT NULL CHECK (doc_type IN ('INVOICE', 'CREDIT_NOTE', 'DEBIT_NOTE')),
    supplier_gstin  TEXT           NOT NULL,
    supplier_name   TEXT,
    supplier_period TEXT,
    supplier_filed  DATE,
    number          TEXT           NOT NULL,
    doc_date        DATE           NOT NULL,
    supply_type     TEXT,
    value           NUMERIC(16, 2) NOT NULL,
    place_of_supply TEXT,
    reverse_charge  BOOLEAN        NOT NULL,
    itc_available   TEXT           NOT NULL CHECK (itc_available IN ('Y', 'N', 'T')),
    reason          TEXT,
    taxable         NUMERIC(16, 2) NOT NULL,
    igst            NUMERIC(16, 2) NOT NULL,
    cgst            NUMERIC(16, 2) NOT NULL,
    sgst            NUMERIC(16, 2) NOT NULL,
    cess            NUMERIC(16, 2) NOT NULL,
    PRIMARY KEY (import_id, seq)
);

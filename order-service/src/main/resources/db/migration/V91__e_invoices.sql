-- A sale's invoice as registered on the invoice registration portal: the request sent (the IRN request JSON of
-- e-invoice schema INV-01 v1.1), and the portal's answer: the IRN, the acknowledgement number and time, the signed
-- invoice and the signed QR code the invoice PDF prints. One registration per sale (and per IRN in the shop).
CREATE TABLE e_invoices (
    order_id        UUID PRIMARY KEY REFERENCES orders (id),
    shop_id         TEXT        NOT NULL,
    document_type   TEXT        NOT NULL CHECK (document_type IN ('INV', 'CRN', 'DBN')),
    document_number TEXT        NOT NULL,
    irn             TEXT        NOT NULL CHECK (length(irn) = 64),
    ack_no          TEXT        NOT NULL,
    ack_date        TIMESTAMPTZ NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('ACT', 'CNL')),
    signed_invoice  TEXT        NOT NULL,
    signed_qr_code  TEXT        NOT NULL,
    request_json    TEXT        NOT NULL,
    registered_by   TEXT        NOT NULL,
    registered_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (shop_id, irn)
);
CREATE INDEX e_invoices_shop ON e_invoices (shop_id, registered_at);

-- A shop's e-invoicing (IRN registration of B2B tax invoices, CGST Rule 48(4)): whether it is switched on, the
-- aggregate turnover the shop declares for the previous financial year and the threshold above which e-invoicing is
-- mandatory (₹5 crore since 1-8-2023), and the seller details the e-invoice schema needs that the shop's GST
-- registration does not carry: the legal name (the shop's name when null), address lines, location and PIN code.
CREATE TABLE e_invoice_settings (
    shop_id                 TEXT PRIMARY KEY,
    enabled                 BOOLEAN        NOT NULL DEFAULT false,
    previous_year_turnover  NUMERIC(16, 2) NOT NULL DEFAULT 0 CHECK (previous_year_turnover >= 0),
    turnover_threshold      NUMERIC(16, 2) NOT NULL DEFAULT 50000000 CHECK (turnover_threshold >= 0),
    legal_name              TEXT,
    address1                TEXT,
    address2                TEXT,
    location                TEXT,
    pin_code                TEXT,
    updated_at              TIMESTAMPTZ    NOT NULL DEFAULT now()
);

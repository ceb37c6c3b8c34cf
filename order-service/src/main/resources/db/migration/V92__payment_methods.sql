-- The payment methods a shop has turned off at its counter (none: it takes cash, card, UPI, khata credit and points).
ALTER TABLE shops ADD COLUMN disabled_tenders TEXT[] NOT NULL DEFAULT '{}';

-- The shop's UPI payee, for the payment QR codes the counter shows and the invoices print: its virtual payment address
-- (e.g. sharmastore@okhdfcbank, case kept as the shop typed it) and the name a payer's app shows (the shop's name
-- when null). No VPA: the shop takes no UPI payments by QR.
ALTER TABLE shops ADD COLUMN upi_vpa TEXT;
ALTER TABLE shops ADD COLUMN upi_payee_name TEXT;

-- The account a khata payment went through: its mode's (cash 1000, card 1010, UPI 1020) or, by BANK, a bank
-- account under 1050. Payments recorded before went through their mode's account.
ALTER TABLE khata_payments ADD COLUMN account TEXT;
UPDATE khata_payments SET account = CASE mode WHEN 'CASH' THEN '1000' WHEN 'CARD' THEN '1010' WHEN 'UPI' THEN '1020' ELSE '1050' END;
ALTER TABLE khata_payments ALTER COLUMN account SET NOT NULL;

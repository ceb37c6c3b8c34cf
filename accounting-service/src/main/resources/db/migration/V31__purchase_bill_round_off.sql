-- A supplier's bill total may be rounded to the rupee: the difference from its lines is its round-off (posted to 4900).
ALTER TABLE purchase_bills ADD COLUMN round_off NUMERIC(16, 2) NOT NULL DEFAULT 0 CHECK (abs(round_off) <= 1.00);
DO $$
DECLARE c TEXT;
BEGIN
    -- the total's check from V30 (named by PostgreSQL): the total now includes the round-off
    FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = 'purchase_bills'::regclass AND contype = 'c'
                 AND pg_get_constraintdef(oid) LIKE '%total = %' LOOP
        EXECUTE format('ALTER TABLE purchase_bills DROP CONSTRAINT %I', c);
    END LOOP;
END $$;
ALTER TABLE purchase_bills ADD CONSTRAINT purchase_bills_total_with_round_off CHECK (total = taxable + cgst + sgst + igst + round_off);

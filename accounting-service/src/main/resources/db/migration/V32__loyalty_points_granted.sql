-- 5210 "Loyalty points granted" joined the standard chart (points earned on a sale: Dr 5210 / Cr 2200 liability).
-- Shops whose books were opened before get it too; a shop that already made its own 5210 keeps that account.
INSERT INTO accounts (shop_id, code, name, type, group_name, parent_code, standard)
SELECT shop_id, '5210', 'Loyalty points granted', 'EXPENSE', 'INDIRECT_EXPENSES', NULL, true FROM shop_books
ON CONFLICT (shop_id, code) DO NOTHING;

-- The rupees one loyalty point was worth when a sale earned its points (the shop's value of a point at confirmation),
-- so that a void or refund takes the points back at the value they were booked at, even after the shop changes it.
-- Null for sales confirmed before points were valued: their reversals carry no rupee value.
ALTER TABLE orders ADD COLUMN loyalty_point_value NUMERIC(8, 2);

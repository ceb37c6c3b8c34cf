-- The last in-store GTIN-13 number a shop gave a product (prefix 200, GS1's restricted-circulation range), taken
-- under the row's lock, so two products never get the same code.
CREATE TABLE barcode_series (
    shop_id     TEXT PRIMARY KEY,
    last_number BIGINT NOT NULL CHECK (last_number BETWEEN 1 AND 999999999)
);

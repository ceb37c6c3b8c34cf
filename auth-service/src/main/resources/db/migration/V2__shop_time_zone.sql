-- The shop's days: reports count sales, voids and refunds on the date they happened in this IANA zone.
ALTER TABLE shop ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Asia/Kolkata';

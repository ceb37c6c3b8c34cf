-- What an entry made by hand refers to (a voucher or bill number, say); entries posted from events name their source.
ALTER TABLE journal_entries ADD COLUMN reference TEXT;
CREATE INDEX journal_entries_shop_kind ON journal_entries (shop_id, kind, entry_date) WHERE kind <> 'POSTED';

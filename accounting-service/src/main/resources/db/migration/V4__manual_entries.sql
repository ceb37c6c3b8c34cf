-- What kind of entry, who made it, and the reversal link (an entry is reversed at most once).
ALTER TABLE journal_entries ADD COLUMN kind TEXT NOT NULL DEFAULT 'POSTED' CHECK (kind IN ('POSTED', 'MANUAL', 'REVERSAL'));
ALTER TABLE journal_entries ADD COLUMN created_by TEXT;
ALTER TABLE journal_entries ADD COLUMN reverses UUID REFERENCES journal_entries (id);
CREATE UNIQUE INDEX journal_entries_reverses ON journal_entries (reverses) WHERE reverses IS NOT NULL;

-- Optional, billed per number: ask the carrier's line-type lookup before the first text to an unknown number.
ALTER TABLE tenants ADD COLUMN line_type_lookup BOOLEAN NOT NULL DEFAULT FALSE;

-- The send ledger's lease: while a run is handing a text to the carrier, sending_until_ms says until when
-- that attempt may still be in flight. Another run of the same text (a task revived while its first run
-- still lives) waits the lease out instead of sending too. Cleared when an attempt ends without a text sent.
ALTER TABLE messages ADD COLUMN sending_until_ms BIGINT NULL AFTER send_after_ms;

-- "Did we already text this caller inside the dedupe window?" is asked for every missed call. Without an index
-- on the recipient, MariaDB answered it by walking the whole messages table backwards from the newest id, so
-- each call cost time in proportion to every text ever sent (the load harness found it). With it, the newest
-- text to (tenant, number) is one index probe.
ALTER TABLE messages ADD KEY ix_messages_recipient (tenant_id, to_number);

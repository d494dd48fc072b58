-- Follow-ups and conversation replies wait in a second lane of their sender's pace: first texts (missed-call
-- text-backs) reserve next_slot_ms ahead of them; a follow-up or reply takes a slot only when one is free.
ALTER TABLE sender_pacing ADD COLUMN next_later_ms BIGINT NOT NULL DEFAULT 0;

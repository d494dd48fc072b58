-- A conversation's next turn is not taken before this time: texts that arrive meanwhile are answered together
-- in that one turn, so a caller who floods the line gets one answer per turn, not one per text.
ALTER TABLE receptionist_state ADD COLUMN next_turn_at DATETIME(6) NULL;

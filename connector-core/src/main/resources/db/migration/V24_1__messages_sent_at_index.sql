-- The texts-sent meter (deploy's TextsSent) reads each few seconds' window of sent texts by sent_at.
CREATE INDEX ix_messages_sent_at ON messages (sent_at);

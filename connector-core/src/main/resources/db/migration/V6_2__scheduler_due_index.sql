-- db-scheduler asks for due work with "picked = 0 AND execution_time <= ? ORDER BY priority DESC, execution_time
-- ASC LIMIT n" on every wake-up. Without an index in that order MariaDB sorts every due row each time, which
-- grows with the backlog exactly when the backlog needs the database most.
ALTER TABLE scheduled_tasks ADD KEY due_order_idx (picked, priority DESC, execution_time);

-- Follow-ups (issue 6, "quiet hours for follow-ups"): one more text to a missed caller who never replied,
-- after follow_up_after_minutes (0 = never), only outside the quiet hours, in the tenant's zone.
ALTER TABLE tenants
    ADD COLUMN follow_up_after_minutes INT  NOT NULL DEFAULT 0,
    ADD COLUMN quiet_hours_start       TIME NOT NULL DEFAULT '21:00:00',
    ADD COLUMN quiet_hours_end         TIME NOT NULL DEFAULT '08:00:00';

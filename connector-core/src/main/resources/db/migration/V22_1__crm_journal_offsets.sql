-- Where core resumes reading a CRM's app-event journal (HubSpot's Webhooks Journal): the offset of the last
-- entry handled, one row per CRM. Polled by one node at a time (a db-scheduler recurring task).
CREATE TABLE crm_journal_offsets (
    crm            VARCHAR(32)  NOT NULL PRIMARY KEY,
    journal_offset VARCHAR(128) NOT NULL,
    updated_at     DATETIME(6)  NOT NULL
);

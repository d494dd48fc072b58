-- Where the CRM said a person opens the record (HubSpot's object `url`), when its answer said; the console
-- links it in preference to a URL the adapter builds.
ALTER TABLE crm_links ADD COLUMN external_url VARCHAR(512) NULL;

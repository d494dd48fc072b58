-- The tenant's own words for "you are texting an automated assistant" (English); NULL keeps the built-in phrase.
ALTER TABLE receptionist_settings ADD COLUMN disclosure_text VARCHAR(300) NULL;

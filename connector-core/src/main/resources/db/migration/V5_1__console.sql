-- The console (issue 6): sign-in.

-- The demo admin's generated password, kept readable in sandbox mode only, so the login page can show it
-- to the person who just started Redial on their own machine. NULL for every real user.
ALTER TABLE admin_users
    ADD COLUMN sandbox_password VARCHAR(100) NULL,
    ADD COLUMN display_name     VARCHAR(200) NULL;

-- A new email address or phone number an account owner asked for: it becomes the account's (and a username) only
-- once the code sent to it is confirmed, so a typo or someone else's address never takes over the login.
ALTER TABLE app_user ADD COLUMN pending_email TEXT;
ALTER TABLE app_user ADD COLUMN pending_phone TEXT;

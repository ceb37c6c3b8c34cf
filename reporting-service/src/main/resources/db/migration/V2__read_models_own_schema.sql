-- The read models moved to their own schema "readmodel" (migrations in db/readmodel), so that a rebuild can build a
-- fresh copy beside them and swap it in. Nothing of reporting's is kept in the public schema any more.
DROP TABLE daily_sales;

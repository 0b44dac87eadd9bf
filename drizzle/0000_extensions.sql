-- PostGIS needs a superuser on PostgreSQL: test and deploy scripts create it as `postgres` before the
-- app role migrates, which makes this a no-op there. btree_gist is trusted (exclusion constraints).
CREATE EXTENSION IF NOT EXISTS postgis;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;

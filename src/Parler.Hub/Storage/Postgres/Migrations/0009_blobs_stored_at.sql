-- When each blob was stored (or stored again), in Unix milliseconds, so unshared blobs kept in the record are
-- collected after their grace period like those in a --blobs folder. Blobs already stored count from this migration.
ALTER TABLE blobs ADD COLUMN stored_at bigint NOT NULL DEFAULT (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
CREATE INDEX blobs_stored_at ON blobs (stored_at);

-- Shared files and bundles in the record itself, so every hub on this database serves every blob and a hub that
-- dies loses none. An upload writes its chunks under a fresh content id inside one transaction and names the blob
-- (its SHA-256) last, in the same transaction: a hub killed mid-upload leaves nothing behind.
CREATE SEQUENCE blob_contents;
CREATE TABLE blob_chunks (
    content bigint NOT NULL, n integer NOT NULL CHECK (n >= 0), bytes bytea NOT NULL,
    PRIMARY KEY (content, n));
-- Out of line and uncompressed: bundles and most files are compressed already, and chunks stream without pglz.
ALTER TABLE blob_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;
CREATE TABLE blobs (
    hash text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
    content bigint NOT NULL UNIQUE, size bigint NOT NULL CHECK (size >= 0), chunks integer NOT NULL CHECK (chunks >= 0));

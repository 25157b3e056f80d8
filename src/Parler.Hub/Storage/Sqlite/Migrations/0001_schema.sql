-- The embedded store's tables as every record written before versioned migrations has them. Facts are append-only,
-- enforced by triggers; the rest are projections. Every statement is IF NOT EXISTS, so a record made before this file
-- existed (no schema_migrations table) is recognised: this runs on it as a no-op and is recorded as applied.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS facts (
    position INTEGER PRIMARY KEY,
    stream TEXT NOT NULL,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    principal TEXT NOT NULL,
    authority TEXT NOT NULL,
    data TEXT NOT NULL,
    prev TEXT NOT NULL,
    hash TEXT NOT NULL,
    UNIQUE (stream, seq));
CREATE INDEX IF NOT EXISTS facts_messages ON facts (stream, seq, actor) WHERE type = 'message.posted';
CREATE TRIGGER IF NOT EXISTS facts_no_update BEFORE UPDATE ON facts
    BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER IF NOT EXISTS facts_no_delete BEFORE DELETE ON facts
    BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TABLE IF NOT EXISTS streams (stream TEXT PRIMARY KEY, head INTEGER NOT NULL, head_hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rooms (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, version INTEGER NOT NULL, state TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS members (
    room TEXT NOT NULL, agent TEXT NOT NULL, role TEXT NOT NULL, status TEXT NOT NULL,
    PRIMARY KEY (room, agent));
CREATE INDEX IF NOT EXISTS members_agent ON members (agent, status);
CREATE TABLE IF NOT EXISTS invites (code_hash TEXT PRIMARY KEY, invite_id TEXT NOT NULL UNIQUE, room TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS agents (id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (
    token_hash TEXT PRIMARY KEY, token_id TEXT NOT NULL UNIQUE, agent TEXT NOT NULL, room TEXT,
    expires_at INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0, challenge TEXT NOT NULL UNIQUE);
CREATE INDEX IF NOT EXISTS tokens_agent ON tokens (agent, expires_at);
CREATE TABLE IF NOT EXISTS cursors (agent TEXT NOT NULL, room TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (agent, room));
CREATE TABLE IF NOT EXISTS cards (agent TEXT PRIMARY KEY, card TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (
    principal TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status INTEGER NOT NULL,
    response TEXT NOT NULL, PRIMARY KEY (principal, key));

-- Memories and their FTS5 index (porter-stemmed; see SqliteMemories). The index replaced an older one (memories_fts):
-- a record that still has it is re-indexed once.
CREATE TABLE IF NOT EXISTS memories (
    id INTEGER PRIMARY KEY, scope TEXT NOT NULL, key TEXT, author TEXT NOT NULL, at INTEGER NOT NULL,
    seq INTEGER NOT NULL, text TEXT NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS memories_scope_key ON memories (scope, key) WHERE key IS NOT NULL;
CREATE VIRTUAL TABLE IF NOT EXISTS memory_search USING fts5(scope, text, tokenize = 'porter unicode61 remove_diacritics 2');
INSERT INTO memory_search (rowid, scope, text) SELECT id, replace(scope, '_', ''), text FROM memories
    WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'memories_fts') AND NOT EXISTS (SELECT 1 FROM memory_search);
DROP TABLE IF EXISTS memories_fts;

-- Service queues: who serves which queue, who may, and each job's current state.
CREATE TABLE IF NOT EXISTS workers (queue TEXT NOT NULL, agent TEXT NOT NULL, PRIMARY KEY (queue, agent));
CREATE TABLE IF NOT EXISTS jobs (
    id INTEGER PRIMARY KEY, job_id TEXT NOT NULL UNIQUE, queue TEXT NOT NULL, text TEXT NOT NULL,
    sender TEXT NOT NULL, status TEXT NOT NULL, worker TEXT, lease_until INTEGER, result TEXT,
    attempts INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS jobs_queue_status ON jobs (queue, status, id);
CREATE TABLE IF NOT EXISTS queue_access (queue TEXT NOT NULL, agent TEXT NOT NULL, role TEXT NOT NULL, PRIMARY KEY (queue, agent));

-- Which rooms each blob was shared into (and by which fact); an upload's row is under the uploader's own stream.
CREATE TABLE IF NOT EXISTS room_blobs (room TEXT NOT NULL, hash TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (room, hash, seq));
CREATE INDEX IF NOT EXISTS room_blobs_hash ON room_blobs (hash);

-- The nonces of a room's signed posts, read straight from the facts (see SqliteNonces).
CREATE INDEX IF NOT EXISTS facts_nonce ON facts (stream, json_extract(data, '$.nonce'))
    WHERE type IN ('message.posted', 'handoff.posted', 'bundle.posted', 'file.posted');

-- Quota windows (Limits.Quota): one row per subject and fixed window.
CREATE TABLE IF NOT EXISTS rate_windows (
    key TEXT NOT NULL, window_start INTEGER NOT NULL, used INTEGER NOT NULL, PRIMARY KEY (key, window_start));

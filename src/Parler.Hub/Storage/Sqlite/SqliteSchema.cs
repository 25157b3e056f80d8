namespace Parler.Hub.Storage.Sqlite;

/// <summary>The embedded store's tables. Facts are append-only, enforced by triggers; the rest are projections.</summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    public const string Create = """
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
        """;
}

-- The record and its projections. Facts are the truth; every other table is derived from them by Projector.
CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);

-- position is diagnostic only: identity values commit out of order, so no reader may page by it.
-- Readers page one stream by seq, which is assigned under the stream's head row lock and so follows commit order.
CREATE TABLE facts (
    position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stream text NOT NULL,
    seq bigint NOT NULL CHECK (seq > 0),
    type text NOT NULL,
    at bigint NOT NULL,
    actor text NOT NULL,
    principal text NOT NULL,
    authority text NOT NULL,
    data text NOT NULL,
    prev text NOT NULL,
    hash text NOT NULL,
    UNIQUE (stream, seq));
CREATE INDEX facts_messages ON facts (stream, seq, actor) WHERE type = 'message.posted';

CREATE TABLE streams (stream text PRIMARY KEY, head bigint NOT NULL, head_hash text NOT NULL);
CREATE TABLE rooms (id text PRIMARY KEY, name text NOT NULL, kind text NOT NULL, version bigint NOT NULL, state text NOT NULL);
CREATE TABLE members (
    room text NOT NULL, agent text NOT NULL, role text NOT NULL, status text NOT NULL, PRIMARY KEY (room, agent));
CREATE INDEX members_agent ON members (agent, status);
CREATE TABLE invites (code_hash text PRIMARY KEY, invite_id text NOT NULL UNIQUE, room text NOT NULL);
CREATE TABLE agents (id text PRIMARY KEY, name text NOT NULL);
CREATE TABLE tokens (
    token_hash text PRIMARY KEY, token_id text NOT NULL UNIQUE, agent text NOT NULL, room text,
    expires_at bigint NOT NULL, revoked boolean NOT NULL DEFAULT false, challenge text NOT NULL UNIQUE);
CREATE TABLE cursors (agent text NOT NULL, room text NOT NULL, seq bigint NOT NULL, PRIMARY KEY (agent, room));
CREATE TABLE cards (agent text PRIMARY KEY, card text NOT NULL);
CREATE TABLE idempotency (
    principal text NOT NULL, key text NOT NULL, request_hash text NOT NULL, status integer NOT NULL,
    response text NOT NULL, PRIMARY KEY (principal, key));

CREATE TABLE memories (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, scope text NOT NULL, key text, author text NOT NULL,
    at bigint NOT NULL, seq bigint NOT NULL, text text NOT NULL,
    words tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED);
CREATE UNIQUE INDEX memories_scope_key ON memories (scope, key) WHERE key IS NOT NULL;
CREATE INDEX memories_words ON memories USING gin (words);
CREATE INDEX memories_scope ON memories (scope);

CREATE TABLE workers (queue text NOT NULL, agent text NOT NULL, PRIMARY KEY (queue, agent));
CREATE TABLE jobs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, job_id text NOT NULL UNIQUE, queue text NOT NULL, text text NOT NULL,
    sender text NOT NULL, status text NOT NULL, worker text, lease_until bigint, result text, attempts integer NOT NULL);
CREATE INDEX jobs_queue_status ON jobs (queue, status, id);

-- OR of the user's words, each parsed by plainto_tsquery (never as query syntax); see PostgresMemories.
CREATE AGGREGATE tsquery_or_all (tsquery) (SFUNC = tsquery_or, STYPE = tsquery);

-- Invariants held by the database itself, so that even a writer that bypasses the hub cannot store an invalid state.
-- Each has a pgTAP test in db/pgtap/.

-- 1. Facts are append-only: no UPDATE, DELETE or TRUNCATE.
CREATE FUNCTION parler_facts_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'facts are append-only: a correction is a new fact' USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER facts_no_update BEFORE UPDATE OR DELETE ON facts FOR EACH ROW EXECUTE FUNCTION parler_facts_append_only();
CREATE TRIGGER facts_no_truncate BEFORE TRUNCATE ON facts FOR EACH STATEMENT EXECUTE FUNCTION parler_facts_append_only();

-- 2 and 3. Each stream's seq follows its last one without a gap, and each fact's prev is its predecessor's hash
-- (the first fact's prev is 64 zeros). Two concurrent inserts of one seq are refused by UNIQUE (stream, seq).
CREATE FUNCTION parler_facts_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_seq bigint := 0;
    last_hash text := repeat('0', 64);
BEGIN
    SELECT f.seq, f.hash INTO last_seq, last_hash FROM facts f WHERE f.stream = NEW.stream ORDER BY f.seq DESC LIMIT 1;
    IF NOT FOUND THEN
        last_seq := 0;
        last_hash := repeat('0', 64);
    END IF;
    IF NEW.seq <> last_seq + 1 THEN
        RAISE EXCEPTION 'stream % must continue at seq %, not %', NEW.stream, last_seq + 1, NEW.seq
            USING ERRCODE = 'check_violation', CONSTRAINT = 'facts_seq_gapless';
    END IF;
    IF NEW.prev <> last_hash THEN
        RAISE EXCEPTION 'fact % of stream % must chain to its predecessor''s hash', NEW.seq, NEW.stream
            USING ERRCODE = 'check_violation', CONSTRAINT = 'facts_prev_chain';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER facts_chain BEFORE INSERT ON facts FOR EACH ROW EXECUTE FUNCTION parler_facts_chain();

-- 4. A token has exactly one binding: its hash, id, agent, room scope, expiry and challenge never change, it is never
-- deleted, and revocation is one-way. token_hash, token_id and challenge are each unique.
CREATE FUNCTION parler_tokens_bound() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'a token has exactly one binding: tokens are revoked, never deleted' USING ERRCODE = 'restrict_violation';
    END IF;
    IF (NEW.token_hash, NEW.token_id, NEW.agent, NEW.room, NEW.expires_at, NEW.challenge)
        IS DISTINCT FROM (OLD.token_hash, OLD.token_id, OLD.agent, OLD.room, OLD.expires_at, OLD.challenge) THEN
        RAISE EXCEPTION 'a token has exactly one binding: only revoked may change' USING ERRCODE = 'restrict_violation';
    END IF;
    IF OLD.revoked AND NOT NEW.revoked THEN
        RAISE EXCEPTION 'a revoked token stays revoked' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER tokens_bound BEFORE UPDATE OR DELETE ON tokens FOR EACH ROW EXECUTE FUNCTION parler_tokens_bound();

-- 5. An idempotency key maps to one result: (principal, key) is the primary key and a saved result never changes.
CREATE FUNCTION parler_idempotency_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'an idempotency key maps to one result' USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER idempotency_fixed BEFORE UPDATE OR DELETE ON idempotency FOR EACH ROW EXECUTE FUNCTION parler_idempotency_fixed();

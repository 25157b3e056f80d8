-- Invariant 1: facts are append-only. Runs against a migrated database (parler hub migrate) with pgtap installed.
BEGIN;
SELECT plan(5);

INSERT INTO facts (stream, seq, type, at, actor, principal, authority, data, prev, hash)
VALUES ('rm_tap', 1, 'room.created', 0, 'pa_a', 'pa_a', 'tok', '{}', repeat('0', 64), 'h1');

SELECT throws_ok($$UPDATE facts SET data = '{"x":1}' WHERE stream = 'rm_tap'$$, '23001', NULL, 'a fact cannot be updated');
SELECT throws_ok($$UPDATE facts SET seq = 1 WHERE stream = 'rm_tap'$$, '23001', NULL, 'not even to the same value');
SELECT throws_ok($$DELETE FROM facts WHERE stream = 'rm_tap'$$, '23001', NULL, 'a fact cannot be deleted');
SELECT throws_ok($$TRUNCATE facts$$, '23001', NULL, 'facts cannot be truncated');
SELECT is((SELECT data FROM facts WHERE stream = 'rm_tap' AND seq = 1), '{}', 'the fact is unchanged');

SELECT * FROM finish();
ROLLBACK;

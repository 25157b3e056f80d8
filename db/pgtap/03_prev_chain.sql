-- Invariant 3: each fact's prev is its predecessor's hash; the first fact's prev is 64 zeros.
BEGIN;
SELECT plan(5);

SELECT throws_ok(
    $$INSERT INTO facts (stream, seq, type, at, actor, principal, authority, data, prev, hash)
      VALUES ('rm_chain', 1, 't', 0, 'a', 'a', 'a', '{}', 'not-genesis', 'h1')$$,
    '23514', NULL, 'the first fact chains to the genesis hash');
SELECT lives_ok(
    $$INSERT INTO facts (stream, seq, type, at, actor, principal, authority, data, prev, hash)
      VALUES ('rm_chain', 1, 't', 0, 'a', 'a', 'a', '{}', repeat('0', 64), 'h1')$$,
    'a first fact with the genesis prev is stored');
SELECT throws_ok(
    $$INSERT INTO facts (stream, seq, type, at, actor, principal, authority, data, prev, hash)
      VALUES ('rm_chain', 2, 't', 0, 'a', 'a', 'a', '{}', 'h-forged', 'h2')$$,
    '23514', NULL, 'a fact whose prev is not its predecessor''s hash is refused');
SELECT lives_ok(
    $$INSERT INTO facts (stream, seq, type, at, actor, principal, authority, data, prev, hash)
      VALUES ('rm_chain', 2, 't', 0, 'a', 'a', 'a', '{}', 'h1', 'h2')$$,
    'a fact chained to its predecessor is stored');
SELECT is(
    (SELECT prev FROM facts WHERE stream = 'rm_chain' AND seq = 2),
    (SELECT hash FROM facts WHERE stream = 'rm_chain' AND seq = 1),
    'the chain holds');

SELECT * FROM finish();
ROLLBACK;

-- Invariant 2: each stream's seq starts at 1 and increases by exactly one.
BEGIN;
SELECT plan(7);

SELECT throws_ok(
    $$INSERT INTO facts (stream, seq, type, at, actor, principal, authority, data, prev, hash)
      VALUES ('rm_gap', 2, 't', 0, 'a', 'a', 'a', '{}', repeat('0', 64), 'h2')$$,
    '23514', NULL, 'a stream cannot start at seq 2');
SELECT lives_ok(
    $$INSERT INTO facts (stream, seq, type, at, actor, principal, authority, data, prev, hash)
      VALUES ('rm_gap', 1, 't', 0, 'a', 'a', 'a', '{}', repeat('0', 64), 'h1')$$,
    'a stream starts at seq 1');
SELECT throws_ok(
    $$INSERT INTO facts (stream, seq, type, at, actor, principal, authority, data, prev, hash)
      VALUES ('rm_gap', 3, 't', 0, 'a', 'a', 'a', '{}', 'h1', 'h3')$$,
    '23514', NULL, 'seq cannot skip');
SELECT throws_ok(
    $$INSERT INTO facts (stream, seq, type, at, actor, principal, authority, data, prev, hash)
      VALUES ('rm_gap', 1, 't', 0, 'a', 'a', 'a', '{}', repeat('0', 64), 'h1b')$$,
    '23514', NULL, 'seq cannot repeat');
SELECT lives_ok(
    $$INSERT INTO facts (stream, seq, type, at, actor, principal, authority, data, prev, hash)
      VALUES ('rm_gap', 2, 't', 0, 'a', 'a', 'a', '{}', 'h1', 'h2')$$,
    'seq continues at head + 1');
SELECT lives_ok(
    $$INSERT INTO facts (stream, seq, type, at, actor, principal, authority, data, prev, hash)
      VALUES ('rm_other', 1, 't', 0, 'a', 'a', 'a', '{}', repeat('0', 64), 'o1')$$,
    'every stream has its own sequence');
SELECT is(
    ARRAY(SELECT seq FROM facts WHERE stream = 'rm_gap' ORDER BY seq), ARRAY[1, 2]::bigint[], 'the stream holds 1, 2 and nothing else');

SELECT * FROM finish();
ROLLBACK;

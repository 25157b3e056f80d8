-- Invariant 5: an idempotency key maps to one result.
BEGIN;
SELECT plan(5);

INSERT INTO idempotency (principal, key, request_hash, status, response) VALUES ('pa_a', 'k1', 'h', 201, '{"seq":5}');

SELECT throws_ok($$INSERT INTO idempotency (principal, key, request_hash, status, response) VALUES ('pa_a', 'k1', 'h', 201, '{"seq":6}')$$,
    '23505', NULL, 'a key cannot get a second result');
SELECT throws_ok($$UPDATE idempotency SET response = '{"seq":6}' WHERE key = 'k1'$$, '23001', NULL, 'a saved result never changes');
SELECT throws_ok($$DELETE FROM idempotency WHERE key = 'k1'$$, '23001', NULL, 'a saved result is never forgotten');
SELECT lives_ok($$INSERT INTO idempotency (principal, key, request_hash, status, response) VALUES ('pa_b', 'k1', 'h', 201, '{"seq":7}')$$,
    'keys are per principal');
SELECT is((SELECT response FROM idempotency WHERE principal = 'pa_a' AND key = 'k1'), '{"seq":5}', 'the first result stands');

SELECT * FROM finish();
ROLLBACK;

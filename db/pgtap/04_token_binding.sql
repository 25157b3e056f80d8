-- Invariant 4: a token has exactly one binding (hash, id, agent, scope, expiry, challenge), and revocation is one-way.
BEGIN;
SELECT plan(10);

INSERT INTO tokens (token_hash, token_id, agent, room, expires_at, challenge) VALUES ('th1', 'tok_1', 'pa_a', NULL, 100, 'c1');

SELECT throws_ok($$INSERT INTO tokens (token_hash, token_id, agent, room, expires_at, challenge) VALUES ('th2', 'tok_1', 'pa_b', NULL, 100, 'c2')$$,
    '23505', NULL, 'a token id binds one token');
SELECT throws_ok($$INSERT INTO tokens (token_hash, token_id, agent, room, expires_at, challenge) VALUES ('th1', 'tok_2', 'pa_b', NULL, 100, 'c3')$$,
    '23505', NULL, 'a token hash binds one token');
SELECT throws_ok($$INSERT INTO tokens (token_hash, token_id, agent, room, expires_at, challenge) VALUES ('th3', 'tok_3', 'pa_b', NULL, 100, 'c1')$$,
    '23505', NULL, 'a challenge yields one token');
SELECT throws_ok($$UPDATE tokens SET agent = 'pa_b' WHERE token_id = 'tok_1'$$, '23001', NULL, 'a token cannot move to another agent');
SELECT throws_ok($$UPDATE tokens SET room = 'rm_x' WHERE token_id = 'tok_1'$$, '23001', NULL, 'a token cannot change scope');
SELECT throws_ok($$UPDATE tokens SET expires_at = 999 WHERE token_id = 'tok_1'$$, '23001', NULL, 'a token cannot be extended');
SELECT lives_ok($$UPDATE tokens SET revoked = true WHERE token_id = 'tok_1'$$, 'a token can be revoked');
SELECT throws_ok($$UPDATE tokens SET revoked = false WHERE token_id = 'tok_1'$$, '23001', NULL, 'a revoked token stays revoked');
SELECT throws_ok($$DELETE FROM tokens WHERE token_id = 'tok_1'$$, '23001', NULL, 'a token is never deleted');
SELECT is((SELECT agent || ':' || revoked::text FROM tokens WHERE token_hash = 'th1'), 'pa_a:true', 'one binding, revoked');

SELECT * FROM finish();
ROLLBACK;

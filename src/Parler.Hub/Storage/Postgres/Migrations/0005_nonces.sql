-- The nonces of each room's signed posts, indexed from the facts themselves (a record written before this migration
-- is covered too): a post whose nonce its room already holds is a replay and is refused.
CREATE INDEX facts_nonce ON facts (stream, ((data::jsonb) ->> 'nonce'))
    WHERE type IN ('message.posted', 'handoff.posted', 'bundle.posted', 'file.posted');

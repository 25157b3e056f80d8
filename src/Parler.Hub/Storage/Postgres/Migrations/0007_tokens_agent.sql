-- An agent's live tokens, the first to expire first: the active-token cap (docs/limits.md) reads them at each sign-in.
CREATE INDEX tokens_agent ON tokens (agent, expires_at);

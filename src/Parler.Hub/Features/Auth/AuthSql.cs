namespace Parler.Hub.Features.Auth;

/// <summary>The tokens and agents projections, for both engines. revoked is a boolean (an integer 0/1 in SQLite).</summary>
internal static class AuthSql
{
    /// <summary>A token by its hash or its id, as <see cref="Storage.StoreRows.ReadToken"/> reads it.</summary>
    public const string TokenByHash = "SELECT token_id, agent, room, expires_at, revoked FROM tokens WHERE token_hash = $1";

    public const string TokenById = "SELECT token_id, agent, room, expires_at, revoked FROM tokens WHERE token_id = $1";

    public const string SaveToken =
        "INSERT INTO tokens (token_hash, token_id, agent, room, expires_at, challenge) VALUES ($1, $2, $3, $4, $5, $6)";

    public const string Revoke = "UPDATE tokens SET revoked = TRUE WHERE token_id = $1";

    public const string LiveTokenIds =
        "SELECT token_id FROM tokens WHERE agent = $1 AND NOT revoked AND expires_at > $2 ORDER BY expires_at, token_id";

    public const string ChallengeUsed = "SELECT 1 FROM tokens WHERE challenge = $1";

    public const string AgentName = "SELECT name FROM agents WHERE id = $1";

    public const string SaveAgent = "INSERT INTO agents (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = excluded.name";
}

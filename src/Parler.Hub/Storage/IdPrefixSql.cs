namespace Parler.Hub.Storage;

/// <summary>
/// The prefix look-ups, written once for both stores ($1 the prefix in lower case, $2 the caller's agent id). They
/// return at most <see cref="Limit"/> ids, enough to list the candidates of an ambiguous prefix.
/// </summary>
internal static class IdPrefixSql
{
    public const int Limit = 10;

    public static string For(IdSpace space) => space switch
    {
        IdSpace.Job => $"""
            SELECT job_id FROM jobs
            WHERE substr(job_id, 1, length($1)) = $1
              AND (sender = $2 OR queue IN (SELECT queue FROM workers WHERE agent = $2))
            ORDER BY job_id LIMIT {Limit}
            """,
        IdSpace.Token => $"""
            SELECT token_id FROM tokens
            WHERE agent = $2 AND substr(token_id, 1, length($1)) = $1 AND NOT revoked
            ORDER BY token_id LIMIT {Limit}
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(space)),
    };
}

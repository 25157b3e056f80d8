namespace Parler.Hub.Storage.Relational;

/// <summary>The writer's own tables, for both engines: idempotency records and quota windows.</summary>
internal static class WriteRecordsSql
{
    public const string FindIdempotency = "SELECT request_hash, status, response FROM idempotency WHERE principal = $1 AND key = $2";

    public const string SaveIdempotency = "INSERT INTO idempotency (principal, key, request_hash, status, response) VALUES ($1, $2, $3, $4, $5)";

    public const string ReadWindow = "SELECT used FROM rate_windows WHERE key = $1 AND window_start = $2";

    /// <summary>Adds a batch's charges to a window's row (<see cref="Limits.QuotaTally"/>).</summary>
    public const string AddToWindow = """
        INSERT INTO rate_windows (key, window_start, used) VALUES ($1, $2, $3)
        ON CONFLICT (key, window_start) DO UPDATE SET used = rate_windows.used + excluded.used
        """;
}

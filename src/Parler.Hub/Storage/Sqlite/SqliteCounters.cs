using Microsoft.Data.Sqlite;

namespace Parler.Hub.Storage.Sqlite;

/// <summary>The quota windows (<see cref="Limits.Quota"/>): one row per subject and fixed window, kept in the record so a restart resets nothing.</summary>
internal static class SqliteCounters
{
    /// <summary>Adds a batch's charges to a window's row (<see cref="Limits.QuotaTally"/>).</summary>
    public static Task AddAsync(SqliteCommandCache commands, string key, long windowStart, long amount, CancellationToken cancellationToken) =>
        commands.Get(
            """
            INSERT INTO rate_windows (key, window_start, used) VALUES ($key, $window, $amount)
            ON CONFLICT (key, window_start) DO UPDATE SET used = used + excluded.used
            """,
            ("$key", key), ("$window", windowStart), ("$amount", amount)).ExecuteNonQueryAsync(cancellationToken);

    /// <summary>A window's stored count, inside the writer's transaction.</summary>
    public static async Task<long> ReadAsync(SqliteCommandCache commands, string key, long windowStart, CancellationToken cancellationToken) =>
        await commands.Get(
            "SELECT used FROM rate_windows WHERE key = $key AND window_start = $window",
            ("$key", key), ("$window", windowStart)).ExecuteScalarAsync(cancellationToken) is long used ? used : 0;

    /// <summary>No index on window_start (it would cost every charge): the scan is over a table the sweep keeps small.</summary>
    public static Task<int> SweepAsync(SqliteCommandCache commands, long startedBefore, int limit, CancellationToken cancellationToken) =>
        commands.Get(
            """
            DELETE FROM rate_windows WHERE rowid IN (
                SELECT rowid FROM rate_windows WHERE window_start > 0 AND window_start < $before LIMIT $limit)
            """,
            ("$before", startedBefore), ("$limit", limit)).ExecuteNonQueryAsync(cancellationToken);

    public static async Task<long> ReadAsync(SqliteConnection connection, string key, long windowStart, CancellationToken cancellationToken)
    {
        await using var command = SqliteQueries.Command(
            connection, "SELECT used FROM rate_windows WHERE key = $key AND window_start = $window", ("$key", key), ("$window", windowStart));
        return await command.ExecuteScalarAsync(cancellationToken) is long used ? used : 0;
    }
}

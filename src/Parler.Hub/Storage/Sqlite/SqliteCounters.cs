namespace Parler.Hub.Storage.Sqlite;

/// <summary>The quota windows' sweep (<see cref="Limits.WindowSweeper"/>); their reads and charges are SQL both engines share.</summary>
internal static class SqliteCounters
{
    /// <summary>No index on window_start (it would cost every charge): the scan is over a table the sweep keeps small.</summary>
    public static Task<int> SweepAsync(SqliteCommandCache commands, long startedBefore, int limit, CancellationToken cancellationToken) =>
        commands.Get(
            """
            DELETE FROM rate_windows WHERE rowid IN (
                SELECT rowid FROM rate_windows WHERE window_start > 0 AND window_start < $before LIMIT $limit)
            """,
            ("$before", startedBefore), ("$limit", limit)).ExecuteNonQueryAsync(cancellationToken);
}

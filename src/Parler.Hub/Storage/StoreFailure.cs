using Microsoft.Data.Sqlite;
using Npgsql;
using Parler.Hub.Errors;

namespace Parler.Hub.Storage;

/// <summary>
/// Tells a failure of the record itself (a full disk, an I/O error, a damaged file, an unreachable database) from a bug,
/// and words it as the registered error a caller acts on: <c>storage_full</c> or <c>unavailable</c>, both retryable.
/// </summary>
internal static class StoreFailure
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteNoMemory = 7;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    // errno values .NET puts in IOException.HResult on Linux: no space, file too large, quota exceeded.
    private const int NoSpace = 28;
    private const int FileTooLarge = 27;
    private const int QuotaExceeded = 122;

    /// <summary>The error and a reason for people (no secrets, no stack), or null when <paramref name="exception"/> is no failure of the record.</summary>
    public static (ErrorCode Error, string Reason)? Classify(Exception exception) => exception switch
    {
        HubException => null,
        SqliteException { SqliteErrorCode: SqliteFull } => (ErrorCodes.StorageFull, "the disk holding the record is full"),
        SqliteException { SqliteErrorCode: SqliteCorrupt or SqliteNotADatabase } sqlite =>
            (ErrorCodes.Unavailable, $"the record is damaged (SQLite: {sqlite.Message}); stop the hub and run parler hub check"),
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteNoMemory or SqliteReadOnly or SqliteIoError or SqliteCantOpen } sqlite =>
            (ErrorCodes.Unavailable, $"the record cannot be written (SQLite: {sqlite.Message})"),
        IOException { HResult: NoSpace or FileTooLarge or QuotaExceeded } => (ErrorCodes.StorageFull, "the disk holding the record is full"),
        PostgresException { SqlState: PostgresErrorCodes.DiskFull } => (ErrorCodes.StorageFull, "the PostgreSQL server's disk is full"),
        PostgresException postgres when IsOutage(postgres.SqlState) =>
            (ErrorCodes.Unavailable, $"PostgreSQL cannot serve the record (SQLSTATE {postgres.SqlState}: {postgres.MessageText})"),
        PostgresException => null,
        NpgsqlException npgsql => (ErrorCodes.Unavailable, $"PostgreSQL is unreachable ({Innermost(npgsql).Message})"),
        _ => null,
    };

    /// <summary>
    /// How long a caller should wait before retrying, sent as Retry-After and said in the words: a full disk waits for
    /// its operator, so there is no point in asking again within half a minute; an unreachable database or a hub that is
    /// stopping is usually back within seconds (a restart, a failover).
    /// </summary>
    public static TimeSpan RetryAfter(ErrorCode error) =>
        error == ErrorCodes.StorageFull ? TimeSpan.FromSeconds(30) : TimeSpan.FromSeconds(5);

    /// <summary>What a caller reads: what happened, that nothing of it was stored, and what to do.</summary>
    public static HubException ToHubException(ErrorCode error, string reason)
    {
        var wait = RetryAfter(error);
        var seconds = (int)wait.TotalSeconds;
        return new(
            error,
            error == ErrorCodes.StorageFull
                ? $"The hub cannot store anything now: {reason}. Nothing of this request was stored. Retry in {seconds} seconds with the same Idempotency-Key; the hub resumes by itself once its operator frees space (the hub's health check says when)."
                : $"The hub cannot use its record now: {reason}. Retry in {seconds} seconds with the same Idempotency-Key, so nothing lands twice; the hub's health check says when it is back.")
        {
            RetryAfter = wait,
        };
    }

    /// <summary>Connection lost or refused, the server shutting down or starting, out of resources, an I/O or corruption error.</summary>
    private static bool IsOutage(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState.StartsWith("57P", StringComparison.Ordinal)
        || sqlState.StartsWith("58", StringComparison.Ordinal)
        || sqlState.StartsWith("XX", StringComparison.Ordinal);

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }
}

using Microsoft.Data.Sqlite;

namespace Parler.Hub.Storage.Sqlite;

/// <summary>The service queue projections: who serves which queue, and each job's current state.</summary>
internal static class SqliteJobs
{
    /// <summary>After a denial: every worker the queue no longer allows stops serving (its owner and allowed agents stay; all, when "*" stays).</summary>
    public const string StopUnallowedSql = """
        DELETE FROM workers WHERE queue = $1
        AND agent NOT IN (SELECT agent FROM queue_access WHERE queue = $1)
        AND NOT EXISTS (SELECT 1 FROM queue_access WHERE queue = $1 AND agent = '*')
        """;

    public static Task ClaimQueueAsync(SqliteCommandCache commands, string queue, string agentId, CancellationToken cancellationToken) =>
        commands.Get(
            """
            INSERT OR IGNORE INTO queue_access (queue, agent, role) SELECT $queue, $agent, 'owner'
            WHERE NOT EXISTS (SELECT 1 FROM queue_access WHERE queue = $queue AND role = 'owner')
            """,
            ("$queue", queue), ("$agent", agentId)).ExecuteNonQueryAsync(cancellationToken);

    public static async Task SetAccessAsync(SqliteCommandCache commands, string queue, string agent, bool allowed, CancellationToken cancellationToken)
    {
        if (allowed)
        {
            await commands.Get("INSERT OR IGNORE INTO queue_access (queue, agent, role) VALUES ($queue, $agent, 'allowed')", ("$queue", queue), ("$agent", agent))
                .ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        await commands.Get("DELETE FROM queue_access WHERE queue = $queue AND agent = $agent AND role = 'allowed'", ("$queue", queue), ("$agent", agent))
            .ExecuteNonQueryAsync(cancellationToken);
        await commands.Get(StopUnallowedSql.Replace("$1", "$queue", StringComparison.Ordinal), ("$queue", queue)).ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<(string? Owner, IReadOnlyList<string> Allowed)> GetAccessAsync(
        SqliteConnection connection, string queue, CancellationToken cancellationToken)
    {
        await using var command = SqliteQueries.Command(connection, "SELECT agent, role FROM queue_access WHERE queue = $queue ORDER BY agent", ("$queue", queue));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        string? owner = null;
        var allowed = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetString(1) == "owner")
            {
                owner = reader.GetString(0);
            }
            else
            {
                allowed.Add(reader.GetString(0));
            }
        }

        return (owner, allowed);
    }

    public static Task SaveWorkerAsync(SqliteCommandCache commands, string queue, string agentId, CancellationToken cancellationToken) =>
        commands.Get("INSERT OR IGNORE INTO workers (queue, agent) VALUES ($queue, $agent)", ("$queue", queue), ("$agent", agentId))
            .ExecuteNonQueryAsync(cancellationToken);

    public static Task SaveJobAsync(SqliteCommandCache commands, JobRecord job, CancellationToken cancellationToken) =>
        commands.Get(
            $"""
            INSERT INTO jobs ({StoreRows.JobColumns}) VALUES ($job, $queue, $text, $sender, $status, $worker, $until, $result, $attempts)
            ON CONFLICT (job_id) DO UPDATE SET status = excluded.status, worker = excluded.worker,
                lease_until = excluded.lease_until, result = excluded.result, attempts = excluded.attempts
            """,
            ("$job", job.JobId), ("$queue", job.Queue), ("$text", job.Text), ("$sender", job.Sender), ("$status", job.Status),
            ("$worker", job.Worker), ("$until", job.LeaseUntil), ("$result", job.Result), ("$attempts", job.Attempts))
            .ExecuteNonQueryAsync(cancellationToken);

    public static async Task<bool> IsWorkerAsync(SqliteConnection connection, string queue, string agentId, CancellationToken cancellationToken)
    {
        await using var command = SqliteQueries.Command(
            connection, "SELECT 1 FROM workers WHERE queue = $queue AND agent = $agent", ("$queue", queue), ("$agent", agentId));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public static Task<JobRecord?> GetAsync(SqliteConnection connection, string jobId, CancellationToken cancellationToken) =>
        ReadOneAsync(connection, $"SELECT {StoreRows.JobColumns} FROM jobs WHERE job_id = $a", ("$a", jobId), ("$b", null), cancellationToken);

    public static Task<JobRecord?> FindLeasableAsync(SqliteConnection connection, string queue, long now, CancellationToken cancellationToken) =>
        ReadOneAsync(
            connection,
            $"""
            SELECT {StoreRows.JobColumns} FROM jobs
            WHERE queue = $a AND (status = 'queued' OR (status = 'leased' AND lease_until < $b))
            ORDER BY id LIMIT 1
            """,
            ("$a", queue), ("$b", now), cancellationToken);

    public static async Task<IReadOnlyList<JobRecord>> ListAsync(
        SqliteConnection connection, string queue, string? sender, string? beforeJobId, int limit, CancellationToken cancellationToken)
    {
        await using var command = SqliteQueries.Command(
            connection,
            $"""
            SELECT {StoreRows.JobColumns} FROM jobs
            WHERE queue = $queue AND ($sender IS NULL OR sender = $sender)
                AND ($before IS NULL OR id < (SELECT id FROM jobs WHERE job_id = $before))
            ORDER BY id DESC LIMIT $limit
            """,
            ("$queue", queue), ("$sender", sender), ("$before", beforeJobId), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var jobs = new List<JobRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(StoreRows.ReadJob(reader));
        }

        return jobs;
    }

    public static async Task<long?> NextLeaseEndAsync(SqliteConnection connection, string queue, CancellationToken cancellationToken)
    {
        await using var command = SqliteQueries.Command(
            connection, "SELECT MIN(lease_until) FROM jobs WHERE queue = $queue AND status = 'leased'", ("$queue", queue));
        return await command.ExecuteScalarAsync(cancellationToken) is long until ? until : null;
    }

    private static async Task<JobRecord?> ReadOneAsync(
        SqliteConnection connection, string sql, (string, object?) a, (string, object?) b, CancellationToken cancellationToken)
    {
        await using var command = SqliteQueries.Command(connection, sql, a, b);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? StoreRows.ReadJob(reader) : null;
    }
}

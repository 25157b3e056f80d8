using Parler.Hub.Storage;

namespace Parler.Hub.Features.Queues;

/// <summary>
/// The service queue projections (who serves which queue, who may, each job's current state), for both engines. A
/// parameter that may be null is read through CAST, so PostgreSQL knows its type.
/// </summary>
internal static class QueuesSql
{
    public const string Job = $"SELECT {StoreRows.JobColumns} FROM jobs WHERE job_id = $1";

    public const string SaveJob = $"""
        INSERT INTO jobs ({StoreRows.JobColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        ON CONFLICT (job_id) DO UPDATE SET status = excluded.status, worker = excluded.worker,
            lease_until = excluded.lease_until, result = excluded.result, attempts = excluded.attempts
        """;

    /// <summary>The oldest job of queue $1 that is queued or whose lease ended before $2.</summary>
    public const string Leasable = $"""
        SELECT {StoreRows.JobColumns} FROM jobs
        WHERE queue = $1 AND (status = 'queued' OR (status = 'leased' AND lease_until < $2))
        ORDER BY id LIMIT 1
        """;

    public const string NextLeaseEnd = "SELECT MIN(lease_until) FROM jobs WHERE queue = $1 AND status = 'leased'";

    /// <summary>Queue $1's jobs newest first, of sender $2 (or all), before job $3 (or from the newest), at most $4.</summary>
    public const string List = $"""
        SELECT {StoreRows.JobColumns} FROM jobs
        WHERE queue = $1 AND (CAST($2 AS TEXT) IS NULL OR sender = CAST($2 AS TEXT))
            AND (CAST($3 AS TEXT) IS NULL OR id < (SELECT id FROM jobs WHERE job_id = CAST($3 AS TEXT)))
        ORDER BY id DESC LIMIT $4
        """;

    public const string Worker = "SELECT 1 FROM workers WHERE queue = $1 AND agent = $2";

    public const string SaveWorker = "INSERT INTO workers (queue, agent) VALUES ($1, $2) ON CONFLICT DO NOTHING";

    public const string Access = "SELECT agent, role FROM queue_access WHERE queue = $1 ORDER BY agent";

    /// <summary>Makes $2 the owner of queue $1 unless it has one (the WHERE also keeps SQLite's upsert parse unambiguous).</summary>
    public const string Claim = """
        INSERT INTO queue_access (queue, agent, role) SELECT $1, $2, 'owner'
        WHERE NOT EXISTS (SELECT 1 FROM queue_access WHERE queue = $1 AND role = 'owner') ON CONFLICT DO NOTHING
        """;

    public const string Allow = "INSERT INTO queue_access (queue, agent, role) VALUES ($1, $2, 'allowed') ON CONFLICT DO NOTHING";

    public const string Deny = "DELETE FROM queue_access WHERE queue = $1 AND agent = $2 AND role = 'allowed'";

    /// <summary>After a denial: every worker the queue no longer allows stops serving (its owner and allowed agents stay; all, when "*" stays).</summary>
    public const string StopUnallowed = """
        DELETE FROM workers WHERE queue = $1
        AND agent NOT IN (SELECT agent FROM queue_access WHERE queue = $1)
        AND NOT EXISTS (SELECT 1 FROM queue_access WHERE queue = $1 AND agent = '*')
        """;
}

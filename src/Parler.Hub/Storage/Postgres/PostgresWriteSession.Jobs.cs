namespace Parler.Hub.Storage.Postgres;

/// <summary>The queue's reads inside the writer's transaction.</summary>
internal sealed partial class PostgresWriteSession
{
    public async Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken) =>
        (await _pipeline.QueryAsync(PostgresQueries.JobSql, StoreRows.ReadJob, jobId)).SingleOrDefault();

    public async Task<bool> IsWorkerAsync(string queue, string agentId, CancellationToken cancellationToken) =>
        await _pipeline.ScalarAsync(PostgresQueries.WorkerSql, queue, agentId) is not null;

    public async Task<(string? Owner, IReadOnlyList<string> Allowed)> GetQueueAccessAsync(string queue, CancellationToken cancellationToken)
    {
        var rows = await _pipeline.QueryAsync(
            "SELECT agent, role FROM queue_access WHERE queue = $1 ORDER BY agent", reader => (Agent: reader.GetString(0), Role: reader.GetString(1)), queue);
        return (rows.FirstOrDefault(r => r.Role == "owner").Agent, rows.Where(r => r.Role != "owner").Select(r => r.Agent).ToList());
    }

    public async Task<JobRecord?> FindLeasableJobAsync(string queue, long now, CancellationToken cancellationToken) =>
        (await _pipeline.QueryAsync(
            $"""
            SELECT {PostgresQueries.JobColumns} FROM jobs
            WHERE queue = $1 AND (status = 'queued' OR (status = 'leased' AND lease_until < $2))
            ORDER BY id LIMIT 1
            """,
            StoreRows.ReadJob, queue, now)).SingleOrDefault();

    public async Task<long?> NextLeaseEndAsync(string queue, CancellationToken cancellationToken) =>
        await _pipeline.ScalarAsync(
            "SELECT MIN(lease_until) FROM jobs WHERE queue = $1 AND status = 'leased'", queue) is long until
            ? until
            : null;
}

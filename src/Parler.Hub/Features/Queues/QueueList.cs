using Parler.Core.Protocol;
using Parler.Hub.Actions;

namespace Parler.Hub.Features.Queues;

/// <summary>
/// jobs.list: a queue's jobs, newest first, as jobs.get shows one (a lease that has ended shows as queued). The same
/// rule as jobs.get decides what a caller sees: a worker of the queue every job, anyone else only the jobs it sent.
/// </summary>
internal static class QueueList
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static Task<JobListResponse> ListAsync(ActionCall call, JobListRequest input, CancellationToken ct) =>
        JobListWait.WaitAsync(
            call, QueueJobs.Stream(QueueJobs.QueueName(call)), input.Mark, Validate.Range(input.Wait, 0, 0, JobListWait.MaxWaitSeconds, "wait"),
            token => ReadAsync(call, input, token), ct);

    private static async Task<JobListResponse> ReadAsync(ActionCall call, JobListRequest input, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var queue = QueueJobs.QueueName(call);
        var limit = Validate.Range(input.Limit, DefaultLimit, 1, MaxLimit, "limit");
        var store = call.Services.Store;
        var worker = await store.IsWorkerAsync(queue, caller.AgentId, ct);
        var jobs = await store.ListJobsAsync(queue, worker ? null : caller.AgentId, input.Before, limit + 1, ct);
        var now = call.Services.Time.GetUtcNow();
        return new JobListResponse(queue, worker, [.. jobs.Take(limit).Select(job => QueueJobs.View(job, now))], jobs.Count > limit);
    }
}

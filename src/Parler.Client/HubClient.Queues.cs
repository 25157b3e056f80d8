using Parler.Core.Protocol;

namespace Parler.Client;

internal sealed partial class HubClient
{
    /// <summary>Registers this agent as a worker on a queue.</summary>
    public Task<ServeResponse> ServeAsync(string queue, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"/v1/queues/{Escape(queue)}/workers", null, Out.ServeResponse, true, NewIdempotencyKey(), true, cancellationToken);

    /// <summary>As the queue's owner, allows (or denies) an agent id, or "*" for anyone, to serve it.</summary>
    public Task<QueueAccessView> SetQueueAccessAsync(string queue, string agent, bool allow, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"/v1/queues/{Escape(queue)}/access", Json(new QueueAccessRequest(agent, allow), In.QueueAccessRequest),
            Out.QueueAccessView, true, NewIdempotencyKey(), true, cancellationToken);

    /// <summary>Enqueues a job on a queue; the answer carries its id.</summary>
    public Task<JobView> EnqueueAsync(string queue, string text, CancellationToken cancellationToken, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, $"/v1/queues/{Escape(queue)}/jobs", Json(new EnqueueRequest(text), In.EnqueueRequest),
            Out.JobView, true, idempotencyKey ?? NewIdempotencyKey(), true, cancellationToken);

    /// <summary>Leases the queue's oldest available job, waiting up to <paramref name="wait"/> seconds; null when none came.</summary>
    public async Task<JobView?> LeaseAsync(string queue, int? wait, int? leaseSeconds, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, $"/v1/queues/{Escape(queue)}/lease", Json(new LeaseRequest(wait, leaseSeconds), In.LeaseRequest),
            Out.LeaseResponse, true, null, false, cancellationToken)).Job;

    /// <summary>Completes a job this agent holds the lease of: "done" or "failed", with a result.</summary>
    public Task<JobView> CompleteJobAsync(string jobId, string status, string? result, CancellationToken cancellationToken, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, $"/v1/jobs/{Escape(jobId)}/complete", Json(new CompleteJobRequest(status, result), In.CompleteJobRequest),
            Out.JobView, true, idempotencyKey ?? NewIdempotencyKey(), true, cancellationToken);

    public Task<JobView> GetJobAsync(string jobId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"/v1/jobs/{Escape(jobId)}", null, Out.JobView, true, null, true, cancellationToken);
}

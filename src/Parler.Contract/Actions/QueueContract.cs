using Parler.Core.Protocol;

namespace Parler.Contract.Actions;

/// <summary>Service queues: agents serve a named queue, any agent enqueues work, each job is leased to one worker at a time.</summary>
internal static class QueueContract
{
    public static ActionContract Serve { get; } = Shape("queues.serve", "POST", "/v1/queues/{queue}/workers", keyed: true) with
    {
        Summary = "Serve a queue: become one of its workers.",
        Description = "Workers lease the queue's jobs and read their status. The first agent to serve a queue owns it; others serve once the owner allows them (queues.access). Serving twice is harmless.",
        Input = ProtocolJsonContext.Default.EmptyRequest,
        Output = ProtocolJsonContext.Default.ServeResponse,
    };

    public static ActionContract Access { get; } = Shape("queues.access", "POST", "/v1/queues/{queue}/access", keyed: true) with
    {
        Summary = "As a queue's owner, allow or deny an agent (or \"*\": anyone) to serve it.",
        Description = "The owner is the agent that served the queue first. 'allow' false takes an allowance back, and a denied worker stops serving at once. Answers who may serve.",
        Input = ProtocolJsonContext.Default.QueueAccessRequest,
        Output = ProtocolJsonContext.Default.QueueAccessView,
    };

    public static ActionContract Enqueue { get; } = Shape("jobs.enqueue", "POST", "/v1/queues/{queue}/jobs", keyed: true) with
    {
        Summary = "Enqueue a job on a queue for one of its workers.",
        Description = "Answers the job with its id; read its status and result with jobs.get. Each job is leased to one worker at a time and redelivered if a lease expires unacknowledged.",
        Input = ProtocolJsonContext.Default.EnqueueRequest,
        Output = ProtocolJsonContext.Default.JobView,
    };

    /// <summary>Appends job.leased, so it writes; it waits for a job, so it cannot hold the writer and takes no Idempotency-Key.</summary>
    public static ActionContract Lease { get; } = Shape("jobs.lease", "POST", "/v1/queues/{queue}/lease", keyed: false) with
    {
        Writes = true,
        Summary = "Lease the queue's oldest available job (workers only).",
        Description = "Waits up to 'wait' seconds (0-60) for a job; answers job null when none came. The lease lasts 'lease_seconds' (1-3600, default 30); complete the job before then or it is redelivered.",
        Input = ProtocolJsonContext.Default.LeaseRequest,
        Output = ProtocolJsonContext.Default.LeaseResponse,
    };

    public static ActionContract Complete { get; } = Shape("jobs.complete", "POST", "/v1/jobs/{job}/complete", keyed: true) with
    {
        Summary = "Complete a job you hold the lease of: status done or failed, with a result.",
        Description = "{job} is the job id or a unique prefix of 8+ characters of it. Only the worker whose lease is live may complete the job; the sender sees the status and result.",
        Input = ProtocolJsonContext.Default.CompleteJobRequest,
        Output = ProtocolJsonContext.Default.JobView,
    };

    public static ActionContract Get { get; } = Shape("jobs.get", "GET", "/v1/jobs/{job}", keyed: false) with
    {
        Summary = "Read a job's status and result (its sender or a worker of its queue).",
        Description = "{job} is the job id or a unique prefix of 8+ characters of one you sent or whose queue you serve. Status is queued, leased, done or failed; attempts counts its leases.",
        Input = ProtocolJsonContext.Default.EmptyRequest,
        Output = ProtocolJsonContext.Default.JobView,
    };

    public static ActionContract List { get; } = Shape("jobs.list", "GET", "/v1/queues/{queue}/jobs", keyed: false) with
    {
        Summary = "List a queue's jobs, newest first: a worker of the queue sees them all, anyone else the jobs it sent.",
        Description = "Each job with its status (queued, leased, done or failed), its worker and lease end while leased, its result and attempts. 'limit' is 1-200 (default 50); for the next page pass the last job id as 'before' while 'more' is true. Give the 'mark' of your last answer and 'wait' (0-60 seconds) to wait until the page differs (a job enqueued, leased or completed, a lease ending), so a watcher never polls.",
        Input = ProtocolJsonContext.Default.JobListRequest,
        Output = ProtocolJsonContext.Default.JobListResponse,
    };

    public static IReadOnlyList<ActionContract> All { get; } = [Serve, Access, Enqueue, Lease, Complete, Get, List];

    private static ActionContract Shape(string name, string method, string route, bool keyed) => new()
    {
        Name = name, Method = method, Route = route, Access = ActionAccess.Agent, RoomTokenAllowed = false,
        Writes = keyed, IdempotencyKey = keyed, Summary = "", Description = "",
    };
}

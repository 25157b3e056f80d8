using System.Text.Json.Nodes;
using Parler.Core.Protocol;
using Parler.Hub.Rooms;
using Parler.Hub.Storage;

namespace Parler.Hub.Actions.Catalog;

/// <summary>Service queues: agents serve a named queue, any agent enqueues work, each job is leased to one worker at a time.</summary>
internal static class QueueActions
{
    public const int DefaultLeaseSeconds = 30;
    public const int MaxLeaseSeconds = 3600;

    public static IEnumerable<ActionDefinition> Declare()
    {
        var context = ProtocolJsonContext.Default;
        yield return ActionDefinition.Writing(
            Shape("queues.serve", "POST", "/v1/queues/{queue}/workers",
                "Serve a queue: become one of its workers.",
                "Workers lease the queue's jobs and read their status. Serving twice is harmless."),
            context.EmptyRequest,
            context.ServeResponse,
            ServeAsync);
        yield return ActionDefinition.Writing(
            Shape("jobs.enqueue", "POST", "/v1/queues/{queue}/jobs",
                "Enqueue a job on a queue for one of its workers.",
                "Answers the job with its id; read its status and result with jobs.get. Each job is leased to one worker at a time and redelivered if a lease expires unacknowledged."),
            context.EnqueueRequest,
            context.JobView,
            EnqueueAsync,
            (call, input) => QueueJobs.CheckText(call, input.Text));
        yield return ActionDefinition.Reading(
            Shape("jobs.lease", "POST", "/v1/queues/{queue}/lease",
                "Lease the queue's oldest available job (workers only).",
                "Waits up to 'wait' seconds (0-60) for a job; answers job null when none came. The lease lasts 'lease_seconds' (1-3600, default 30); complete the job before then or it is redelivered."),
            context.LeaseRequest,
            context.LeaseResponse,
            QueueJobs.LeaseAsync);
        yield return ActionDefinition.Writing(
            Shape("jobs.complete", "POST", "/v1/jobs/{job}/complete",
                "Complete a job you hold the lease of: status done or failed, with a result.",
                "Only the worker whose lease is live may complete the job; the sender sees the status and result."),
            context.CompleteJobRequest,
            context.JobView,
            QueueJobs.CompleteAsync);
        yield return ActionDefinition.Reading(
            Shape("jobs.get", "GET", "/v1/jobs/{job}",
                "Read a job's status and result (its sender or a worker of its queue).",
                "Status is queued, leased, done or failed; attempts counts its leases."),
            context.EmptyRequest,
            context.JobView,
            QueueJobs.GetAsync);
    }

    private static ActionDefinition Shape(string name, string method, string route, string summary, string description) =>
        new()
        {
            Name = name, Method = method, Route = route, Access = ActionAccess.Agent, RoomTokenAllowed = false,
            Summary = summary, Description = description,
        };

    private static async Task<ServeResponse> ServeAsync(ActionCall call, EmptyRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var queue = QueueJobs.QueueName(call);
        if (!await writer.IsWorkerAsync(queue, caller.AgentId, ct))
        {
            var data = new JsonObject { ["queue"] = queue, ["worker"] = caller.AgentId };
            await writer.AppendAsync(
                QueueJobs.Stream(queue), new FactDraft(FactTypes.WorkerRegistered, caller.AgentId, caller.AgentId, caller.Authority, data), ct);
        }

        return new ServeResponse(queue, caller.AgentId);
    }

    private static async Task<JobView> EnqueueAsync(ActionCall call, EnqueueRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var queue = QueueJobs.QueueName(call);
        var jobId = Auth.TokenService.NewId("jb_");
        var data = new JsonObject { ["job_id"] = jobId, ["queue"] = queue, ["text"] = input.Text, ["sender"] = caller.AgentId };
        await writer.AppendAsync(
            QueueJobs.Stream(queue), new FactDraft(FactTypes.JobEnqueued, caller.AgentId, caller.AgentId, caller.Authority, data), ct);
        return QueueJobs.View((await writer.GetJobAsync(jobId, ct))!, call.Services.Time.GetUtcNow());
    }
}

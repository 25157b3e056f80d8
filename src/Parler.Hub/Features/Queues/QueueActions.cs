using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Auth;
using Parler.Hub.Storage;

namespace Parler.Hub.Features.Queues;

/// <summary>Service queues: agents serve a named queue, any agent enqueues work, each job is leased to one worker at a time.</summary>
internal static class QueueActions
{
    public const int DefaultLeaseSeconds = 30;
    public const int MaxLeaseSeconds = 3600;

    public static IEnumerable<ActionDefinition> Declare()
    {
        var context = ProtocolJsonContext.Default;
        yield return ActionDefinition.Writing(
            QueueContract.Serve,
            context.EmptyRequest,
            context.ServeResponse,
            ServeAsync);
        yield return ActionDefinition.Writing(
            QueueContract.Access,
            context.QueueAccessRequest,
            context.QueueAccessView,
            QueueAccess.ChangeAsync);
        yield return ActionDefinition.Writing(
            QueueContract.Enqueue,
            context.EnqueueRequest,
            context.JobView,
            EnqueueAsync,
            (call, input) => QueueJobs.CheckText(call, input.Text));
        yield return ActionDefinition.WritingOwnWrites(
            QueueContract.Lease,
            context.LeaseRequest,
            context.LeaseResponse,
            QueueJobs.LeaseAsync);
        yield return ActionDefinition.Writing(
            QueueContract.Complete,
            context.CompleteJobRequest,
            context.JobView,
            QueueJobs.CompleteAsync,
            async (call, input, ct) =>
            {
                await IdPrefixes.ResolveRouteAsync(call, "job", IdSpace.Job, ct);
                QueueJobs.CheckComplete(call, input);
            });
        yield return ActionDefinition.Reading(
            QueueContract.Get,
            context.EmptyRequest,
            context.JobView,
            QueueJobs.GetAsync);
        yield return ActionDefinition.Reading(
            QueueContract.List,
            context.JobListRequest,
            context.JobListResponse,
            QueueList.ListAsync);
    }

    private static async Task<ServeResponse> ServeAsync(ActionCall call, EmptyRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var queue = QueueJobs.QueueName(call);
        var state = new ServeState(true, null, []);
        if (!await writer.IsWorkerAsync(queue, caller.AgentId, ct))
        {
            var (owner, allowed) = await writer.GetQueueAccessAsync(queue, ct);
            state = new ServeState(false, owner, allowed);
        }

        if (QueueDecider.Serve(state, new ServeQueue(queue, caller.AgentId)).Unwrap() is { } registered)
        {
            await writer.AppendAsync(QueueJobs.Stream(queue), caller.Draft(registered), ct);
        }

        return new ServeResponse(queue, caller.AgentId);
    }

    private static async Task<JobView> EnqueueAsync(ActionCall call, EnqueueRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var queue = QueueJobs.QueueName(call);
        var jobId = TokenService.NewId("jb_");
        await writer.AppendAsync(QueueJobs.Stream(queue), caller.Draft(new JobEnqueued(jobId, queue, input.Text!, caller.AgentId)), ct);
        return QueueJobs.View((await writer.GetJobAsync(jobId, ct))!, call.Services.Time.GetUtcNow());
    }
}

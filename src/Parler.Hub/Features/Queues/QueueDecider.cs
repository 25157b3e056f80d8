using Parler.Hub.Actions;
using Parler.Hub.Errors;
using Parler.Hub.Storage;

namespace Parler.Hub.Features.Queues;

/// <summary>
/// The queue's decisions with no I/O: who may serve it, which job a lease takes and until when, who may complete a job.
/// The handlers in <see cref="QueueActions"/> and <see cref="QueueJobs"/> load the state inside the writer and append.
/// </summary>
internal static class QueueDecider
{
    /// <summary>The first agent to serve a queue owns it; another serves once the owner allowed it (or anyone).</summary>
    public static Decision<WorkerRegistered> Serve(ServeState state, ServeQueue command)
    {
        if (state.IsWorker)
        {
            return Decision<WorkerRegistered>.Nothing();
        }

        var allowed = state.Owner is null || state.Owner == command.Agent
            || state.Allowed.Contains(QueueAccess.Anyone) || state.Allowed.Contains(command.Agent);
        return allowed
            ? Decision<WorkerRegistered>.Append(new WorkerRegistered(command.Queue, command.Agent))
            : Decision<WorkerRegistered>.Refuse(
                ErrorCodes.Forbidden,
                $"Not allowed: queue '{command.Queue}' belongs to {state.Owner}, who has not allowed you to serve it. "
                + $"To unlock: ask its owner to run 'parler service allow {command.Queue} {command.Agent}'.");
    }

    /// <summary>A worker that does not serve the queue leases nothing.</summary>
    public static Refusal? CheckWorker(bool isWorker, string queue) =>
        isWorker
            ? null
            : new Refusal(ErrorCodes.Forbidden, $"Not allowed: you do not serve queue '{queue}'. To unlock: call queues.serve (parler serve {queue}).");

    /// <summary>
    /// Leases <paramref name="leasable"/> (the queue's oldest job that is queued or whose lease ended) to the worker until
    /// now plus its lease; nothing when there is no such job, or it is still leased at <paramref name="now"/>.
    /// </summary>
    public static Decision<JobLeased> Lease(JobRecord? leasable, LeaseJob command, DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        if (leasable is null || leasable.Queue != command.Queue
            || !(leasable.Status == "queued" || (leasable.Status == "leased" && leasable.LeaseUntil < nowMs)))
        {
            return Decision<JobLeased>.Nothing();
        }

        return Decision<JobLeased>.Append(new JobLeased(leasable.JobId, command.Worker, now.AddSeconds(command.LeaseSeconds).ToUnixTimeMilliseconds()));
    }

    /// <summary>Only the worker whose lease is live completes a job; anyone who cannot see the job learns nothing of it.</summary>
    public static Decision<JobCompleted> Complete(CompleteState state, CompleteJob command, DateTimeOffset now)
    {
        if (state.Job is not { } job || (job.Sender != command.Caller && !state.CallerServes))
        {
            return Decision<JobCompleted>.Refuse(ErrorCodes.NotFound, $"No job you can see has id '{command.JobId}'.");
        }

        if (job.Status != "leased" || job.Worker != command.Caller || job.LeaseUntil < now.ToUnixTimeMilliseconds())
        {
            return Decision<JobCompleted>.Refuse(
                ErrorCodes.Forbidden, $"Not allowed: you do not hold a live lease on job '{command.JobId}'. To unlock: lease it with jobs.lease.");
        }

        return Decision<JobCompleted>.Append(new JobCompleted(command.JobId, command.Status, command.Caller, command.Result));
    }
}

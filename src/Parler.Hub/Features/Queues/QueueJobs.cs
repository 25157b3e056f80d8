using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Errors;
using Parler.Hub.Storage;

namespace Parler.Hub.Features.Queues;

/// <summary>The handlers behind leasing, completing and reading jobs; leases are decided inside the single writer.</summary>
internal static class QueueJobs
{
    public const int MaxWaitSeconds = 60;

    public static string Stream(string queue) => "q_" + queue;

    public static string QueueName(ActionCall call)
    {
        var name = call.RouteValue("queue");
        if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new HubException(ErrorCodes.ValidationFailed, $"Queue name '{name}' is not valid: use 1-64 letters, digits, '-', '_' or '.', like \"review\".");
        }

        return name;
    }

    public static void CheckText(ActionCall call, string? text)
    {
        var value = Validate.Required(text, "text", "review PR #42");
        if (value.Length > call.Services.Options.MaxMessageChars)
        {
            throw new HubException(ErrorCodes.ValidationFailed, $"'text' is over {call.Services.Options.MaxMessageChars} characters; split it.");
        }
    }

    /// <summary>The job as a caller sees it now: a lease that has ended shows as queued again, waiting for redelivery.</summary>
    public static JobView View(JobRecord job, DateTimeOffset now) =>
        job is { Status: "leased", LeaseUntil: { } until } && until < now.ToUnixTimeMilliseconds()
            ? new(job.JobId, job.Queue, job.Text, job.Sender, "queued", null, null, job.Result, job.Attempts)
            : new(job.JobId, job.Queue, job.Text, job.Sender, job.Status, job.Worker,
                job.LeaseUntil is { } end ? DateTimeOffset.FromUnixTimeMilliseconds(end) : null, job.Result, job.Attempts);

    public static async Task<LeaseResponse> LeaseAsync(ActionCall call, LeaseRequest input, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var queue = QueueName(call);
        var wait = Validate.Range(input.Wait, 0, 0, MaxWaitSeconds, "wait");
        var seconds = Validate.Range(input.LeaseSeconds, QueueActions.DefaultLeaseSeconds, 1, QueueActions.MaxLeaseSeconds, "lease_seconds");
        var store = call.Services.Store;
        if (QueueDecider.CheckWorker(await store.IsWorkerAsync(queue, caller.AgentId, ct), queue) is { } refusal)
        {
            throw refusal.ToException();
        }

        using var online = call.Services.Presence.Hold(caller.AgentId);
        var time = call.Services.Time;
        var deadline = time.GetUtcNow().AddSeconds(wait);
        while (true)
        {
            var signal = call.Services.Signals.NextAsync(Stream(queue));
            // The time before the write: a lease the writer found running ends at or after it.
            var now = time.GetUtcNow();
            var (job, nextLeaseEnd) = await store.WriteAsync((writer, token) => TryLeaseAsync(call, writer, queue, seconds, token), ct);
            if (job is not null || WaitBeforeRetry(now, deadline, nextLeaseEnd) is not { } remaining)
            {
                return new LeaseResponse(queue, job);
            }

            try
            {
                await signal.WaitAsync(remaining, time, ct);
            }
            catch (TimeoutException)
            {
                // Deadline reached: one last try, then answer with whatever is there.
            }
        }
    }

    /// <summary>
    /// How long a worker that found nothing to lease waits before it looks again: until the deadline, or just past the
    /// earliest running lease's end, since nothing commits when a lease runs out. Never negative, however late
    /// <paramref name="now"/> was read; null once the deadline has come.
    /// </summary>
    public static TimeSpan? WaitBeforeRetry(DateTimeOffset now, DateTimeOffset deadline, long? nextLeaseEnd)
    {
        var remaining = deadline - now;
        if (remaining <= TimeSpan.Zero)
        {
            return null;
        }

        if (nextLeaseEnd is not { } end)
        {
            return remaining;
        }

        var untilEnd = DateTimeOffset.FromUnixTimeMilliseconds(end + 1) - now;
        return untilEnd < TimeSpan.Zero ? TimeSpan.Zero : untilEnd < remaining ? untilEnd : remaining;
    }

    private static async Task<(JobView? Job, long? NextLeaseEnd)> TryLeaseAsync(
        ActionCall call, IStoreWriter writer, string queue, int seconds, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var now = call.Services.Time.GetUtcNow();
        var leasable = await writer.FindLeasableJobAsync(queue, now.ToUnixTimeMilliseconds(), ct);
        if (QueueDecider.Lease(leasable, new LeaseJob(queue, caller.AgentId, seconds), now).Unwrap() is not { } leased)
        {
            return (null, await writer.NextLeaseEndAsync(queue, ct));
        }

        await writer.AppendAsync(Stream(queue), caller.Draft(leased), ct);
        return (View((await writer.GetJobAsync(leased.JobId, ct))!, now), null);
    }

    public static async Task<JobView> CompleteAsync(ActionCall call, CompleteJobRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var jobId = call.RouteValue("job");
        var job = await writer.GetJobAsync(jobId, ct);
        var serves = job is not null && job.Sender != caller.AgentId && await writer.IsWorkerAsync(job.Queue, caller.AgentId, ct);
        var now = call.Services.Time.GetUtcNow();
        var completed = QueueDecider.Complete(
            new CompleteState(job, serves), new CompleteJob(jobId, caller.AgentId, input.Status!, input.Result ?? ""), now).Unwrap()!;
        await writer.AppendAsync(Stream(job!.Queue), caller.Draft(completed), ct);
        return View((await writer.GetJobAsync(jobId, ct))!, now);
    }

    public static async Task<JobView> GetAsync(ActionCall call, EmptyRequest input, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var jobId = await IdPrefixes.ResolveAsync(call, IdSpace.Job, call.RouteValue("job"), ct);
        var store = call.Services.Store;
        var job = await store.GetJobAsync(jobId, ct);
        if (job is null || (job.Sender != caller.AgentId && !await store.IsWorkerAsync(job.Queue, caller.AgentId, ct)))
        {
            throw new HubException(ErrorCodes.NotFound, $"No job you can see has id '{jobId}'.");
        }

        return View(job, call.Services.Time.GetUtcNow());
    }

    /// <summary>jobs.complete's field shapes, checked before the writer.</summary>
    public static void CheckComplete(ActionCall call, CompleteJobRequest input)
    {
        if (input.Status is not ("done" or "failed"))
        {
            throw new HubException(ErrorCodes.ValidationFailed, "'status' is \"done\" or \"failed\".");
        }

        if (input.Result is { Length: var length } && length > call.Services.Options.MaxMessageChars)
        {
            throw new HubException(ErrorCodes.ValidationFailed, $"'result' is over {call.Services.Options.MaxMessageChars} characters; shorten it.");
        }
    }
}

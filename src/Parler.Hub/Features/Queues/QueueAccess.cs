using Parler.Core.Identity;
using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Errors;
using Parler.Hub.Storage;

namespace Parler.Hub.Features.Queues;

/// <summary>
/// Who may serve a queue. The first agent to serve it owns it; anyone else serves only once the owner allowed its id, or
/// allowed "*" (anyone). A denied agent stops being a worker at once: it leases nothing more and reads no job it did not
/// send. Anyone may still enqueue.
/// </summary>
internal static class QueueAccess
{
    public const string Anyone = "*";

    public static async Task<QueueAccessView> ChangeAsync(ActionCall call, QueueAccessRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var queue = QueueJobs.QueueName(call);
        var agent = input.Agent?.Trim() ?? "";
        if (agent != Anyone && !AgentId.IsValid(agent))
        {
            throw new HubException(ErrorCodes.ValidationFailed, "'agent' is the full agent id (pa...) to allow or deny, or \"*\" for anyone.");
        }

        agent = agent == Anyone ? Anyone : agent.ToLowerInvariant();
        var allow = input.Allow ?? true;
        var (owner, allowed) = await writer.GetQueueAccessAsync(queue, ct);
        if (owner is null)
        {
            throw new HubException(ErrorCodes.NotFound, $"Nobody serves queue '{queue}' yet. Serve it first ('parler serve {queue}'): the first agent to serve a queue owns it.");
        }

        if (owner != caller.AgentId)
        {
            throw new HubException(ErrorCodes.Forbidden, $"Not allowed: only the owner of queue '{queue}' ({owner}) decides who serves it. To unlock: ask that agent.");
        }

        if (agent == owner)
        {
            throw new HubException(ErrorCodes.ValidationFailed, "The owner always serves its own queue; allow or deny another agent.");
        }

        var changes = allow
            ? !allowed.Contains(agent)
            : allowed.Contains(agent) || (agent != Anyone && await writer.IsWorkerAsync(queue, agent, ct));
        if (changes)
        {
            await writer.AppendAsync(QueueJobs.Stream(queue), caller.Draft(new QueueAccessChanged(queue, agent, allow)), ct);
            (_, allowed) = await writer.GetQueueAccessAsync(queue, ct);
        }

        return new QueueAccessView(queue, owner, allowed);
    }
}

using Parler.Hub.Actions;
using Parler.Hub.Errors;
using Parler.Hub.Limits;
using Parler.Hub.Storage;

namespace Parler.Hub.Features.Invites;

/// <summary>
/// Wrong and dead invite codes, counted in the record per agent, per source address and (for a dead code of a known room)
/// per room, so fresh identities, several hubs on one database and restarts all share one budget.
/// </summary>
internal sealed class InviteGuesses(ActionCall call, IStoreWriter writer)
{
    private HubLimits Limits => call.Services.Options.Limits;

    private IEnumerable<(LimitRule Rule, string Subject)> Subjects(string? roomId)
    {
        yield return (Limits.AgentBadInvites, call.RequireCaller().AgentId);
        yield return (Limits.AddressBadInvites, call.SourceAddress);
        if (roomId is not null)
        {
            yield return (Limits.RoomBadInvites, roomId);
        }
    }

    /// <summary>
    /// Refuses when the agent or its address has used up its wrong guesses (before the code is looked up), or, once the
    /// code names a room, when that room's dead codes were tried too often (a joiner then waits out the window).
    /// </summary>
    public async Task RefuseWhenSpentAsync(string? roomId, CancellationToken cancellationToken)
    {
        var now = call.Services.NowMs;
        foreach (var (rule, subject) in Subjects(roomId).Where(s => !s.Rule.Off && (roomId is null || s.Subject == roomId)))
        {
            if (await writer.CountAsync(rule.Name + ":" + subject, rule.WindowStart(now), 0, cancellationToken) >= rule.Limit)
            {
                throw Quota.Refusal(rule, now);
            }
        }
    }

    /// <summary>Counts a failed redemption (kept even though the request is refused) and returns the refusal to throw.</summary>
    public async Task<HubException> FailedAsync(string? roomId, string detail, CancellationToken cancellationToken)
    {
        var now = call.Services.NowMs;
        foreach (var (rule, subject) in Subjects(roomId).Where(s => !s.Rule.Off))
        {
            await writer.CountAsync(rule.Name + ":" + subject, rule.WindowStart(now), 1, cancellationToken);
        }

        return new HubException(ErrorCodes.InviteInvalid, detail) { KeepsWrites = true };
    }
}

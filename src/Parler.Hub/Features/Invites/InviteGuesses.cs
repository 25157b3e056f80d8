using Parler.Hub.Actions;
using Parler.Hub.Errors;
using Parler.Hub.Limits;
using Parler.Hub.Storage;

namespace Parler.Hub.Features.Invites;

/// <summary>
/// The record's side of wrong and dead invite codes, counted per agent, per source address and (for a dead code of a
/// known room) per room, so fresh identities, several hubs on one database and restarts all share one budget. What a
/// count means is decided by <see cref="InviteDecider.Redeem"/>; this loads the budgets and counts a wrong guess.
/// </summary>
internal sealed class InviteGuesses(ActionCall call, IStoreWriter writer)
{
    private HubLimits Limits => call.Services.Options.Limits;

    /// <summary>The caller's budgets (its agent's and its address's) as the record holds them now; rules turned off are left out.</summary>
    public Task<IReadOnlyList<GuessBudget>> GuesserAsync(CancellationToken cancellationToken) =>
        LoadAsync([(Limits.AgentBadInvites, call.RequireCaller().AgentId), (Limits.AddressBadInvites, call.SourceAddress)], cancellationToken);

    /// <summary>The room's budget of dead codes as the record holds it now; none when the rule is off.</summary>
    public Task<IReadOnlyList<GuessBudget>> RoomAsync(string roomId, CancellationToken cancellationToken) =>
        LoadAsync([(Limits.RoomBadInvites, roomId)], cancellationToken);

    /// <summary>Counts one wrong guess against each budget (kept although the request is refused) and returns the refusal to throw.</summary>
    public async Task<HubException> CountAsync(IEnumerable<GuessBudget> budgets, Refusal refusal, CancellationToken cancellationToken)
    {
        var now = call.Services.NowMs;
        foreach (var budget in budgets)
        {
            await writer.CountAsync(budget.Rule.Name + ":" + budget.Subject, budget.Rule.WindowStart(now), 1, cancellationToken);
        }

        return new HubException(refusal.Error, refusal.Detail) { KeepsWrites = true };
    }

    private async Task<IReadOnlyList<GuessBudget>> LoadAsync((LimitRule Rule, string Subject)[] subjects, CancellationToken cancellationToken)
    {
        var now = call.Services.NowMs;
        var budgets = new List<GuessBudget>(subjects.Length);
        foreach (var (rule, subject) in subjects.Where(s => !s.Rule.Off))
        {
            budgets.Add(new GuessBudget(rule, subject, await writer.CountAsync(rule.Name + ":" + subject, rule.WindowStart(now), 0, cancellationToken)));
        }

        return budgets;
    }
}

using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Features.Sessions;

/// <summary>The owner vets who knocks: list join requests, approve or deny them, remove a member later.</summary>
internal static class SessionActions
{
    public static IEnumerable<ActionDefinition> Declare()
    {
        var context = ProtocolJsonContext.Default;
        yield return ActionDefinition.Reading(
            SessionContract.ListRequests,
            context.EmptyRequest,
            context.JoinRequestsResponse,
            (call, _, _) =>
            {
                var state = call.RequireRoom().State;
                var pending = state.Members.Values
                    .Where(m => m.Status == MemberStatus.Pending)
                    .OrderBy(m => m.JoinedAt)
                    .Select(m => new JoinRequestView(m.AgentId, m.Name, DateTimeOffset.FromUnixTimeMilliseconds(m.JoinedAt)))
                    .ToList();
                return Task.FromResult(new JoinRequestsResponse(state.Id, pending));
            });
        yield return Decided(SessionContract.Approve, SessionDecider.Approve);
        yield return Decided(SessionContract.Deny, SessionDecider.Deny);
        yield return Decided(SessionContract.Remove, SessionDecider.Remove);
    }

    private static ActionDefinition Decided<TFact>(ActionContract contract, Func<RoomState, MemberDecision, Decision<TFact>> decide)
        where TFact : class, IFact<TFact>
    {
        var context = ProtocolJsonContext.Default;
        return ActionDefinition.Writing(
            contract,
            context.EmptyRequest,
            context.MemberDecisionResponse,
            async (call, _, writer, ct) =>
            {
                var caller = call.RequireCaller();
                var room = await call.ReloadRoomAsync(writer, ct);
                var decided = decide(room.State, new MemberDecision(caller.AgentId, call.RouteValue("agent"))).Unwrap()!;
                var fact = await writer.AppendAsync(room.Id, caller.Draft(decided), ct);
                var agentId = RoomEvolution.MemberOf(fact)!;
                var after = RoomEvolution.Evolve(room.State, fact)!.Members[agentId];
                return new MemberDecisionResponse(room.Id, agentId, after.Name, after.Status);
            });
    }
}

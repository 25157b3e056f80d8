using Parler.Core.Identity;
using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Auth;
using Parler.Hub.Errors;
using Parler.Hub.Features.Rooms;
using Parler.Hub.Storage;

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
        yield return Decision(SessionContract.Approve, (caller, agent) => caller.Draft(new MemberApproved(agent)), MemberStatus.Pending);
        yield return Decision(SessionContract.Deny, (caller, agent) => caller.Draft(new MemberDenied(agent)), MemberStatus.Pending);
        yield return Decision(SessionContract.Remove, (caller, agent) => caller.Draft(new MemberRemoved(agent)), MemberStatus.Active);
    }

    private static ActionDefinition Decision(ActionContract contract, Func<Caller, string, FactDraft> decided, string fromStatus)
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
                var member = FindMember(room.State, call.RouteValue("agent"), fromStatus);
                if (member.AgentId == caller.AgentId)
                {
                    throw new HubException(ErrorCodes.ValidationFailed, "You cannot do that to yourself; to go, leave the room.");
                }

                var fact = await writer.AppendAsync(
                    room.Id,
                    decided(caller, member.AgentId),
                    ct);
                var after = RoomEvolution.Evolve(room.State, fact)!;
                return new MemberDecisionResponse(room.Id, member.AgentId, member.Name, after.Members[member.AgentId].Status);
            });
    }

    /// <summary>
    /// Finds a member in the given status by id, by a unique id prefix of 8 or more characters (<see cref="IdPrefix"/>,
    /// the one rule for ids as printed) or by exact name. An ambiguous one is refused with the candidates.
    /// </summary>
    private static MemberState FindMember(RoomState state, string reference, string status)
    {
        var candidates = state.Members.Values.Where(m => m.Status == status).OrderBy(m => m.JoinedAt).ToList();
        var byId = IdPrefix.Match(reference, candidates, m => m.AgentId);
        var matches = byId.Count > 0 ? byId : candidates.Where(m => m.Name == reference).ToList();
        var what = status == MemberStatus.Pending ? "waiting to join" : "a member";
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new HubException(ErrorCodes.NotFound, $"No agent {what} matches '{reference}'. List them with {(status == MemberStatus.Pending ? "requests.list" : "rooms.roster")}."),
            _ => throw new HubException(
                ErrorCodes.AmbiguousAgent,
                $"'{reference}' matches {matches.Count} agents: {string.Join(", ", matches.Select(m => $"{m.Name} {m.AgentId}"))}. Use the full id (or more of its characters)."),
        };
    }
}

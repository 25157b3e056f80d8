using System.Text.Json.Nodes;
using Parler.Core.Identity;
using Parler.Core.Protocol;
using Parler.Hub.Errors;
using Parler.Hub.Rooms;
using Parler.Hub.Storage;

namespace Parler.Hub.Actions.Catalog;

/// <summary>The owner vets who knocks: list join requests, approve or deny them, remove a member later.</summary>
internal static class SessionActions
{
    public static IEnumerable<ActionDefinition> Declare()
    {
        var context = ProtocolJsonContext.Default;
        yield return ActionDefinition.Reading(
            new ActionDefinition
            {
                Name = "requests.list", Method = "GET", Route = "/v1/rooms/{room}/requests", Access = ActionAccess.Owner,
                Summary = "List agents waiting for your approval to join, with their verified ids.",
                Description = "A pending agent reads nothing of the room until approved. The id is the agent's public key: check it before approving.",
            },
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
        yield return Decision("requests.approve", "approve", FactTypes.MemberApproved, MemberStatus.Pending,
            "Let a waiting agent in; it can then read the whole room.", "{agent} is the agent id, or the name of exactly one waiting agent.");
        yield return Decision("requests.deny", "deny", FactTypes.MemberDenied, MemberStatus.Pending,
            "Turn a waiting agent away for good; it never reads anything.", "Denial is final for that agent in this room.");
        yield return Decision("members.remove", "remove", FactTypes.MemberRemoved, MemberStatus.Active,
            "Remove a member; it reads nothing more.", "The owner cannot remove itself; leave instead. Removal is final for that agent in this room.");
    }

    private static ActionDefinition Decision(string name, string verb, string factType, string fromStatus, string summary, string description)
    {
        var context = ProtocolJsonContext.Default;
        var route = fromStatus == MemberStatus.Pending ? $"/v1/rooms/{{room}}/requests/{{agent}}/{verb}" : $"/v1/rooms/{{room}}/members/{{agent}}/{verb}";
        return ActionDefinition.Writing(
            new ActionDefinition
            {
                Name = name, Method = "POST", Route = route, Access = ActionAccess.Owner, Summary = summary, Description = description,
            },
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
                    new FactDraft(factType, caller.AgentId, caller.AgentId, caller.Authority, new JsonObject { ["agent_id"] = member.AgentId }),
                    ct);
                var after = RoomEvolution.Evolve(room.State, fact)!;
                return new MemberDecisionResponse(room.Id, member.AgentId, member.Name, after.Members[member.AgentId].Status);
            });
    }

    /// <summary>Finds a member in the given status by id (or unambiguous id prefix) or by exact name.</summary>
    private static MemberState FindMember(RoomState state, string reference, string status)
    {
        var candidates = state.Members.Values.Where(m => m.Status == status).ToList();
        var byId = AgentId.IsValid(reference)
            ? candidates.Where(m => m.AgentId == reference.Trim().ToLowerInvariant()).ToList()
            : candidates.Where(m => m.AgentId.StartsWith(reference, StringComparison.Ordinal) && reference.Length >= 6).ToList();
        var matches = byId.Count > 0 ? byId : candidates.Where(m => m.Name == reference).ToList();
        var what = status == MemberStatus.Pending ? "waiting to join" : "a member";
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new HubException(ErrorCodes.NotFound, $"No agent {what} matches '{reference}'. List them with GET /v1/rooms/{{room}}/{(status == MemberStatus.Pending ? "requests" : "members")}."),
            _ => throw new HubException(
                ErrorCodes.ValidationFailed,
                $"'{reference}' matches {matches.Count} agents: {string.Join(", ", matches.Select(m => $"{m.Name} {m.AgentId}"))}. Use the full id."),
        };
    }
}

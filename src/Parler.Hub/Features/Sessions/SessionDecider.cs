using Parler.Core.Identity;
using Parler.Hub.Actions;
using Parler.Hub.Errors;
using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Features.Sessions;

/// <summary>
/// The owner's decisions on who is in a room, with no I/O: approve or deny an agent waiting to join, remove an active
/// member. The agent is found by id, by a unique id prefix of 8 or more characters (<see cref="IdPrefix"/>, the one
/// rule for ids as printed) or by exact name; an ambiguous reference is refused with the candidates.
/// </summary>
internal static class SessionDecider
{
    public static Decision<MemberApproved> Approve(RoomState room, MemberDecision command) =>
        Decide(room, command, MemberStatus.Pending, agent => new MemberApproved(agent));

    public static Decision<MemberDenied> Deny(RoomState room, MemberDecision command) =>
        Decide(room, command, MemberStatus.Pending, agent => new MemberDenied(agent));

    public static Decision<MemberRemoved> Remove(RoomState room, MemberDecision command) =>
        Decide(room, command, MemberStatus.Active, agent => new MemberRemoved(agent));

    private static Decision<TFact> Decide<TFact>(RoomState room, MemberDecision command, string fromStatus, Func<string, TFact> decided)
        where TFact : class
    {
        var candidates = room.Members.Values.Where(m => m.Status == fromStatus).OrderBy(m => m.JoinedAt).ToList();
        var byId = IdPrefix.Match(command.Reference, candidates, m => m.AgentId);
        var matches = byId.Count > 0 ? byId : candidates.Where(m => m.Name == command.Reference).ToList();
        var what = fromStatus == MemberStatus.Pending ? "waiting to join" : "a member";
        return matches switch
        {
            [] => Decision<TFact>.Refuse(
                ErrorCodes.NotFound,
                $"No agent {what} matches '{command.Reference}'. List them with {(fromStatus == MemberStatus.Pending ? "requests.list" : "rooms.roster")}."),
            [var member] when member.AgentId == command.Caller => Decision<TFact>.Refuse(
                ErrorCodes.ValidationFailed, "You cannot do that to yourself; to go, leave the room."),
            [var member] => Decision<TFact>.Append(decided(member.AgentId)),
            _ => Decision<TFact>.Refuse(
                ErrorCodes.AmbiguousAgent,
                $"'{command.Reference}' matches {matches.Count} agents: {string.Join(", ", matches.Select(m => $"{m.Name} {m.AgentId}"))}. Use the full id (or more of its characters)."),
        };
    }
}

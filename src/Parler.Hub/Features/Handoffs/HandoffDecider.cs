using Parler.Core.Identity;
using Parler.Hub.Actions;
using Parler.Hub.Errors;
using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Features.Handoffs;

/// <summary>
/// Handoffs decided with no I/O: to whom a handoff goes, whether its nonce makes it a replay, and which handoff a status
/// report is on. The handlers in <see cref="HandoffActions"/> load the state inside the writer and append.
/// </summary>
internal static class HandoffDecider
{
    /// <summary>
    /// The one active member a handoff is for: by full id, by unique id prefix (8 or more characters), by name, or by
    /// role, in that order. An unknown or ambiguous target is refused with the members it could have meant.
    /// </summary>
    public static Decision<MemberState> Addressee(RoomState room, string target)
    {
        var active = room.Members.Values.Where(m => m.Status == MemberStatus.Active).OrderBy(m => m.JoinedAt).ToList();
        IReadOnlyList<MemberState>[] tiers =
        [
            IdPrefix.Match(target, active, m => m.AgentId),
            active.Where(m => string.Equals(m.Name, target, StringComparison.OrdinalIgnoreCase)).ToList(),
            active.Where(m => string.Equals(m.Role, target, StringComparison.OrdinalIgnoreCase)).ToList(),
        ];
        var matches = tiers.FirstOrDefault(t => t.Count > 0) ?? [];
        static string List(IEnumerable<MemberState> members) =>
            string.Join(", ", members.Select(m => $"{m.Name} ({m.AgentId}, {m.Role})"));
        return matches.Count switch
        {
            1 => Decision<MemberState>.Append(matches[0]),
            0 => Decision<MemberState>.Refuse(
                ErrorCodes.NotFound,
                $"No active member of this room is '{target}'. Hand off to one of: {List(active)}."),
            _ => Decision<MemberState>.Refuse(
                ErrorCodes.AmbiguousAgent,
                $"'{target}' matches {matches.Count} members: {List(matches)}. Use one's id (or 8+ characters of it)."),
        };
    }

    /// <summary>A handoff to one active member whose nonce the room does not hold yet is posted, naming the member it resolved to.</summary>
    public static Decision<HandoffPosted> Post(HandoffPostState state, PostHandoff command)
    {
        var addressee = Addressee(state.Room, command.For);
        if (addressee.Refusal is { } refusal)
        {
            return new(null, refusal);
        }

        return state.NonceSeen
            ? new(null, SignedPost.Replayed)
            : Decision<HandoffPosted>.Append(new HandoffPosted(
                command.HandoffId, command.For, command.Summary, command.Next, command.Nonce, command.Bundle, command.Signature, addressee.Fact!.AgentId));
    }

    /// <summary>A status is reported on a handoff the room holds; any other id is not found.</summary>
    public static Decision<TaskStatusReported> Report(RoomState room, ReportTaskStatus command) =>
        room.OpenHandoffs.ContainsKey(command.HandoffId)
            ? Decision<TaskStatusReported>.Append(new TaskStatusReported(command.HandoffId, command.Status, command.Note))
            : Decision<TaskStatusReported>.Refuse(ErrorCodes.NotFound, $"This room has no handoff '{command.HandoffId}'.");
}

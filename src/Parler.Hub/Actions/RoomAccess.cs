using Parler.Hub.Auth;
using Parler.Hub.Errors;
using Parler.Hub.Features.Rooms;
using Parler.Hub.Storage;

namespace Parler.Hub.Actions;

/// <summary>Why an action is refused, and what would unlock it.</summary>
internal sealed record Denial(ErrorCode Error, string Reason, string Unlock);

/// <summary>The one place that decides who may call what in which room; the pipeline and affordances both ask it.</summary>
internal static class RoomAccess
{
    public const string NotFoundDetail =
        "You have no room by that name or id. List yours with rooms.list; join one by redeeming an invite (invites.redeem).";

    public static HubException NotFound() => new(ErrorCodes.RoomNotFound, NotFoundDetail);

    /// <summary>
    /// Finds one of the caller's rooms by id or name; a room the caller is not in is indistinguishable from none. A write
    /// (<paramref name="cached"/>) may take the room from <see cref="RoomLookups"/>: it reloads the room in the writer.
    /// </summary>
    public static async Task<RoomRecord> ResolveAsync(
        HubServices services, Caller caller, string roomRef, bool cached, CancellationToken cancellationToken)
    {
        var store = services.Store;
        if (roomRef.StartsWith("rm_", StringComparison.Ordinal))
        {
            var room = await services.Rooms.GetAsync(roomRef, cached, cancellationToken);
            return room?.State.ActiveMember(caller.AgentId) is null ? throw NotFound() : room;
        }

        var matches = await store.FindRoomsByNameAsync(caller.AgentId, roomRef, cancellationToken);
        return matches.Count switch
        {
            0 => throw NotFound(),
            1 => matches[0],
            _ => throw new HubException(
                ErrorCodes.AmbiguousRoom,
                $"You are in {matches.Count} rooms named '{roomRef}': {string.Join(", ", matches.Select(m => m.Id))}. Use the room id."),
        };
    }

    public static Denial? Check(ActionDefinition action, Caller caller, RoomRecord? room)
    {
        if (caller.Token.Room is { } scoped
            && (!action.RoomTokenAllowed || (action.IsRoomRoute && room is not null && room.Id != scoped)))
        {
            return new Denial(
                ErrorCodes.TokenScope,
                $"this token is scoped to room {scoped}",
                "sign in without 'room' (auth.token) for an agent-wide token");
        }

        if (action.Access is ActionAccess.Member or ActionAccess.Owner)
        {
            var member = room?.State.ActiveMember(caller.AgentId);
            if (member is null)
            {
                return new Denial(ErrorCodes.RoomNotFound, "you are not a member of this room", "redeem an invite (invites.redeem)");
            }

            if (action.Access == ActionAccess.Owner && member.Role != Roles.Owner)
            {
                return new Denial(ErrorCodes.Forbidden, "only the room's owner may do this", "ask the owner to do it");
            }
        }

        return null;
    }
}

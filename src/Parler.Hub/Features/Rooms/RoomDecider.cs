using Parler.Hub.Actions;
using Parler.Hub.Errors;

namespace Parler.Hub.Features.Rooms;

/// <summary>rooms.leave decided with no I/O: an active member leaves; anyone else has no such room.</summary>
internal static class RoomDecider
{
    public static Decision<MemberLeft> Leave(RoomState room, string agentId) =>
        room.ActiveMember(agentId) is null
            ? Decision<MemberLeft>.Refuse(ErrorCodes.RoomNotFound, RoomAccess.NotFoundDetail)
            : Decision<MemberLeft>.Append(new MemberLeft(agentId));
}

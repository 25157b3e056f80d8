using Parler.Core.Protocol;

namespace Parler.Contract.Actions;

/// <summary>Creating, listing, reading the roster of and leaving rooms, and what a caller may do in one.</summary>
internal static class RoomContract
{
    public static ActionContract Create { get; } = new()
    {
        Name = "rooms.create", Method = "POST", Route = "/v1/rooms", Access = ActionAccess.Agent, RoomTokenAllowed = false,
        Writes = true, IdempotencyKey = true,
        Summary = "Create a room; you become its owner.",
        Description = "kind is 'channel' (default) or 'dm'. With approval true, everyone who redeems an invite waits until the owner approves them. Others join with an invite from POST /v1/rooms/{room}/invites.",
        Input = ProtocolJsonContext.Default.CreateRoomRequest,
        Output = ProtocolJsonContext.Default.RoomView,
    };

    public static ActionContract List { get; } = new()
    {
        Name = "rooms.list", Method = "GET", Route = "/v1/rooms", Access = ActionAccess.Agent,
        Writes = false, IdempotencyKey = false,
        Summary = "List your rooms with member and unread counts.",
        Description = "unread counts others' messages after your durable cursor. A room-scoped token sees only its room.",
        Input = ProtocolJsonContext.Default.EmptyRequest,
        Output = ProtocolJsonContext.Default.RoomListResponse,
    };

    public static ActionContract Wait { get; } = new()
    {
        Name = "rooms.wait", Method = "GET", Route = "/v1/me/rooms", Access = ActionAccess.Agent, RoomTokenAllowed = false,
        Writes = false, IdempotencyKey = false,
        Summary = "Wait until anything changes in any of your rooms: a fact in one, or a room you are newly in.",
        Description = "Give the 'mark' of your last answer (none the first time, to be answered at once); waits up to 'wait' seconds (0-60, default 25) for the room list to differ from it, then answers the rooms and their new mark. One request follows every room and DM of an agent, so a watcher never polls.",
        Input = ProtocolJsonContext.Default.WaitRoomsRequest,
        Output = ProtocolJsonContext.Default.RoomWaitResponse,
    };

    public static ActionContract Roster { get; } = new()
    {
        Name = "rooms.roster", Method = "GET", Route = "/v1/rooms/{room}/members", Access = ActionAccess.Member,
        Writes = false, IdempotencyKey = false,
        Summary = "List the room's members with their verified ids and roles.",
        Description = "Only active members are listed. {room} is a room id or the name of one of your rooms.",
        Input = ProtocolJsonContext.Default.EmptyRequest,
        Output = ProtocolJsonContext.Default.RosterResponse,
    };

    public static ActionContract Leave { get; } = new()
    {
        Name = "rooms.leave", Method = "POST", Route = "/v1/rooms/{room}/leave", Access = ActionAccess.Member,
        Writes = true, IdempotencyKey = true,
        Summary = "Leave a room; you read nothing more from it.",
        Description = "Rejoining needs a new invite. The room and its record stay.",
        Input = ProtocolJsonContext.Default.EmptyRequest,
        Output = ProtocolJsonContext.Default.LeaveResponse,
    };

    public static ActionContract Affordances { get; } = new()
    {
        Name = "rooms.affordances", Method = "GET", Route = "/v1/rooms/{room}/affordances", Access = ActionAccess.Member,
        Writes = false, IdempotencyKey = false,
        Summary = "What you may do next in this room: every action, allowed or not, and how to unlock it.",
        Description = "Read this after a restart or an error to find the next safe move instead of guessing.",
        Input = ProtocolJsonContext.Default.EmptyRequest,
        Output = ProtocolJsonContext.Default.AffordancesResponse,
    };

    public static IReadOnlyList<ActionContract> All { get; } = [Create, List, Wait, Roster, Leave, Affordances];
}

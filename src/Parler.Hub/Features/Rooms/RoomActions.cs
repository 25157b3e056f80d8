using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Auth;
using Parler.Hub.Errors;
using Parler.Hub.Storage;

namespace Parler.Hub.Features.Rooms;

/// <summary>Creating, listing, reading the roster of and leaving rooms, and what a caller may do in one.</summary>
internal static class RoomActions
{
    public static IEnumerable<ActionDefinition> Declare()
    {
        var context = ProtocolJsonContext.Default;
        yield return ActionDefinition.Writing(
            RoomContract.Create,
            context.CreateRoomRequest,
            context.RoomView,
            CreateAsync);
        yield return ActionDefinition.Reading(
            RoomContract.List,
            context.EmptyRequest,
            context.RoomListResponse,
            async (call, _, ct) =>
            {
                var caller = call.RequireCaller();
                var rooms = await call.Services.Store.ListRoomsAsync(caller.AgentId, ct);
                return new RoomListResponse(rooms
                    .Where(r => caller.Token.Room is null || r.Room.Id == caller.Token.Room)
                    .Select(r => View(r.Room, r.Role, r.Cursor, r.Unread))
                    .ToList());
            });
        yield return ActionDefinition.Reading(RoomContract.Wait, context.WaitRoomsRequest, context.RoomWaitResponse, RoomWait.WaitAsync);
        yield return ActionDefinition.Reading(
            RoomContract.Roster,
            context.EmptyRequest,
            context.RosterResponse,
            (call, _, _) =>
            {
                var state = call.RequireRoom().State;
                var members = state.Members.Values
                    .Where(m => m.Status == MemberStatus.Active)
                    .OrderBy(m => m.JoinedAt)
                    .Select(m => new MemberView(m.AgentId, m.Name, m.Role, DateTimeOffset.FromUnixTimeMilliseconds(m.JoinedAt)))
                    .ToList();
                return Task.FromResult(new RosterResponse(state.Id, members));
            });
        yield return ActionDefinition.Writing(
            RoomContract.Leave,
            context.EmptyRequest,
            context.LeaveResponse,
            async (call, _, writer, ct) =>
            {
                var room = await call.ReloadRoomAsync(writer, ct);
                var caller = call.RequireCaller();
                await writer.AppendAsync(room.Id, caller.Draft(RoomDecider.Leave(room.State, caller.AgentId).Unwrap()!), ct);
                return new LeaveResponse(room.Id, true);
            });
        yield return ActionDefinition.Reading(
            RoomContract.Affordances,
            context.EmptyRequest,
            context.AffordancesResponse,
            (call, _, _) => Task.FromResult(Affordances(call)));
    }

    public static RoomView View(RoomRecord room, string role, long cursor, long unread) =>
        new(room.Id, room.State.Name, room.State.Kind, role, room.State.ActiveCount, unread, room.Head, cursor);

    private static async Task<RoomView> CreateAsync(ActionCall call, CreateRoomRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var name = Validate.RoomName(input.Name);
        var kind = input.Kind ?? RoomKinds.Channel;
        if (!RoomKinds.IsKnown(kind))
        {
            throw new HubException(ErrorCodes.ValidationFailed, $"'kind' is 'channel' or 'dm', not '{kind}'.");
        }

        await Limits.Quota.ChargeAsync(writer, call.Services.Time, call.Services.Options.Limits.AgentRooms, caller.AgentId, 1, ct);
        var roomId = TokenService.NewId("rm_");
        var authorName = await writer.GetAgentNameAsync(caller.AgentId, ct) ?? caller.AgentId;
        await writer.AppendAsync(
            roomId,
            caller.Draft(new RoomCreated(name, kind, input.Approval ?? false)),
            ct);
        await writer.AppendAsync(
            roomId,
            caller.Draft(new MemberJoined(caller.AgentId, authorName, Roles.Owner)),
            ct);
        var room = (await writer.GetRoomAsync(roomId, ct))!;
        return View(room, Roles.Owner, 0, 0);
    }

    private static AffordancesResponse Affordances(ActionCall call)
    {
        var caller = call.RequireCaller();
        var room = call.RequireRoom();
        var actions = call.Services.Registry.Actions
            .Select(a =>
            {
                var denial = RoomAccess.Check(a, caller, a.IsRoomRoute ? room : null);
                var href = a.Route.Replace("{room}", room.Id, StringComparison.Ordinal);
                return new AffordanceView(a.Name, a.Method, href, a.Summary, a.IdempotencyKey, denial is null, denial?.Reason, denial?.Unlock);
            })
            .ToList();
        return new AffordancesResponse(room.Id, actions);
    }
}

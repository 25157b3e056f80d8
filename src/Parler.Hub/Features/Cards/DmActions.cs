using System.Security.Cryptography;
using System.Text;
using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Features.Rooms;
using Parler.Hub.Storage;

namespace Parler.Hub.Features.Cards;

/// <summary>Direct messages: a room of kind 'dm' with exactly two members, found or created on demand.</summary>
internal static class DmActions
{
    public static IEnumerable<ActionDefinition> Declare()
    {
        var context = ProtocolJsonContext.Default;
        yield return ActionDefinition.Writing(
            DmContract.Open,
            context.OpenDmRequest,
            context.RoomView,
            OpenAsync);
    }

    private static async Task<RoomView> OpenAsync(ActionCall call, OpenDmRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var to = Validate.Required(input.To, "to", "planner").Trim();
        var reach = await AgentReach.LoadAsync(call.Services.Store, caller.AgentId, ct);
        var (target, _) = reach.Resolve(to);
        var pair = new[] { caller.AgentId, target }.Order(StringComparer.Ordinal).ToArray();

        // One DM room per pair, found by its id inside this write: two opens at once meet the same room.
        var roomId = RoomId(pair);
        var room = await writer.GetRoomAsync(roomId, ct);
        if (room is null)
        {
            await writer.AppendAsync(
                roomId,
                caller.Draft(new RoomCreated("dm-" + string.Join('-', pair.Select(Short)), RoomKinds.Dm, Approval: false)),
                ct);
        }

        foreach (var (agent, role) in new[] { (caller.AgentId, Roles.Owner), (target, Roles.Member) })
        {
            if (room?.State.ActiveMember(agent) is not null)
            {
                continue;
            }

            await writer.AppendAsync(
                roomId,
                caller.Draft(new MemberJoined(agent, await writer.GetAgentNameAsync(agent, ct) ?? agent, room is null ? role : Roles.Member)),
                ct);
        }

        room = (await writer.GetRoomAsync(roomId, ct))!;
        var summary = reach.Rooms.FirstOrDefault(r => r.Room.Id == roomId);
        return RoomActions.View(room, room.State.ActiveMember(caller.AgentId)!.Role, summary?.Cursor ?? 0, summary?.Unread ?? 0);
    }

    /// <summary>The pair's DM room id: derived from both ids, so it is the same whoever opens it first.</summary>
    internal static string RoomId(IEnumerable<string> sortedPair) =>
        "rm_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("parler.dm/v1|" + string.Join('|', sortedPair))))[..20];

    private static string Short(string agentId) => agentId.Length > 10 ? agentId[2..10].ToLowerInvariant() : agentId.ToLowerInvariant();
}

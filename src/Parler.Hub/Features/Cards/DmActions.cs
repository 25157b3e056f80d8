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
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var agent in pair.Where(a => room?.State.ActiveMember(a) is null))
        {
            names[agent] = await writer.GetAgentNameAsync(agent, ct) ?? agent;
        }

        if (CardDecider.OpenDm(new DmState(room?.State, names), new OpenDm(caller.AgentId, target)).Unwrap() is { } opening)
        {
            if (opening.Created is { } created)
            {
                await writer.AppendAsync(roomId, caller.Draft(created), ct);
            }

            foreach (var joined in opening.Joins)
            {
                await writer.AppendAsync(roomId, caller.Draft(joined), ct);
            }
        }

        room = (await writer.GetRoomAsync(roomId, ct))!;
        var summary = reach.Rooms.FirstOrDefault(r => r.Room.Id == roomId);
        return RoomActions.View(room, room.State.ActiveMember(caller.AgentId)!.Role, summary?.Cursor ?? 0, summary?.Unread ?? 0);
    }

    /// <summary>The pair's DM room id: derived from both ids, so it is the same whoever opens it first.</summary>
    internal static string RoomId(IEnumerable<string> sortedPair) =>
        "rm_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("parler.dm/v1|" + string.Join('|', sortedPair))))[..20];
}

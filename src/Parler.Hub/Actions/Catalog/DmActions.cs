using System.Text.Json.Nodes;
using Parler.Core.Protocol;
using Parler.Hub.Rooms;
using Parler.Hub.Storage;

namespace Parler.Hub.Actions.Catalog;

/// <summary>Direct messages: a room of kind 'dm' with exactly two members, found or created on demand.</summary>
internal static class DmActions
{
    public static IEnumerable<ActionDefinition> Declare()
    {
        var context = ProtocolJsonContext.Default;
        yield return ActionDefinition.Writing(
            new ActionDefinition
            {
                Name = "dms.open", Method = "POST", Route = "/v1/dms", Access = ActionAccess.Agent, RoomTokenAllowed = false,
                Summary = "Open (or find) your direct-message room with one agent, by its id or name.",
                Description = "You may open a DM to an agent with a public card or one you share a room with; any other name or id is not_found, exactly like one that does not exist. A name that fits several agents is ambiguous_agent, with their ids. The room is named 'dm-' + the first 8 characters of each agent id in sorted order; post to it with POST /v1/rooms/{room}/messages.",
            },
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
        foreach (var summary in reach.Rooms)
        {
            var existing = await writer.GetRoomAsync(summary.Room.Id, ct);
            if (existing is { State: { Kind: RoomKinds.Dm, ActiveCount: 2 } state }
                && state.ActiveMember(caller.AgentId) is { } me && state.ActiveMember(target) is not null)
            {
                return RoomActions.View(existing, me.Role, summary.Cursor, summary.Unread);
            }
        }

        var roomId = Auth.TokenService.NewId("rm_");
        var pair = new[] { caller.AgentId, target }.Order(StringComparer.Ordinal).Select(Short);
        await writer.AppendAsync(
            roomId,
            new FactDraft(FactTypes.RoomCreated, caller.AgentId, caller.AgentId, caller.Authority, new JsonObject
            {
                ["name"] = "dm-" + string.Join('-', pair),
                ["kind"] = RoomKinds.Dm,
                ["approval"] = false,
            }),
            ct);
        foreach (var (agent, role) in new[] { (caller.AgentId, Roles.Owner), (target, Roles.Member) })
        {
            await writer.AppendAsync(
                roomId,
                new FactDraft(FactTypes.MemberJoined, caller.AgentId, caller.AgentId, caller.Authority, new JsonObject
                {
                    ["agent_id"] = agent,
                    ["name"] = await writer.GetAgentNameAsync(agent, ct) ?? agent,
                    ["role"] = role,
                }),
                ct);
        }

        var room = (await writer.GetRoomAsync(roomId, ct))!;
        return RoomActions.View(room, Roles.Owner, 0, 0);
    }

    private static string Short(string agentId) => agentId.Length > 10 ? agentId[2..10].ToLowerInvariant() : agentId.ToLowerInvariant();
}

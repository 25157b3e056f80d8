using Parler.Core.Protocol;

namespace Parler.Contract.Actions;

/// <summary>Direct messages: a room of kind 'dm' with exactly two members, found or created on demand.</summary>
internal static class DmContract
{
    public static ActionContract Open { get; } = new()
    {
        Name = "dms.open", Method = "POST", Route = "/v1/dms", Access = ActionAccess.Agent, RoomTokenAllowed = false,
        Writes = true, IdempotencyKey = true,
        Summary = "Open (or find) your direct-message room with one agent, by its id or name.",
        Description = "You may open a DM to an agent with a public card or one you share a room with; any other name or id is not_found, exactly like one that does not exist. A name that fits several agents is ambiguous_agent, with their ids. The room is named 'dm-' + the first 8 characters of each agent id in sorted order; post to it with POST /v1/rooms/{room}/messages.",
        Input = ProtocolJsonContext.Default.OpenDmRequest,
        Output = ProtocolJsonContext.Default.RoomView,
    };

    public static IReadOnlyList<ActionContract> All { get; } = [Open];
}

using Parler.Core.Protocol;

namespace Parler.Contract.Actions;

/// <summary>Shared memory: notes a room's members keep and search, and each agent's private notes.</summary>
internal static class MemoryContract
{
    public static ActionContract Remember { get; } = new()
    {
        Name = "memory.remember", Method = "POST", Route = "/v1/rooms/{room}/memory", Access = ActionAccess.Member,
        Writes = true, IdempotencyKey = true,
        Summary = "Remember a note in the room's shared memory, optionally under a key.",
        Description = "Every member can recall it. With 'key' it replaces the room's current value for that key, whoever wrote it; the room's log keeps every version.",
        Input = ProtocolJsonContext.Default.RememberRequest,
        Output = ProtocolJsonContext.Default.RememberResponse,
    };

    public static ActionContract Recall { get; } = new()
    {
        Name = "memory.recall", Method = "GET", Route = "/v1/rooms/{room}/memory", Access = ActionAccess.Member,
        Writes = false, IdempotencyKey = false,
        Summary = "Search the room's shared memory: the notes matching any word of 'q', best match first.",
        Description = "'q' is plain words, never search syntax. Only the current value of each key is searched. 'limit' is 1-100 (default 20).",
        Input = ProtocolJsonContext.Default.RecallRequest,
        Output = ProtocolJsonContext.Default.RecallResponse,
    };

    public static ActionContract RememberPrivate { get; } = new()
    {
        Name = "memory.remember_private", Method = "POST", Route = "/v1/memory", Access = ActionAccess.Agent, RoomTokenAllowed = false,
        Writes = true, IdempotencyKey = true,
        Summary = "Remember a note in your private memory, optionally under a key.",
        Description = "Only you can recall it. With 'key' it replaces your current value for that key; your log keeps every version.",
        Input = ProtocolJsonContext.Default.RememberRequest,
        Output = ProtocolJsonContext.Default.RememberResponse,
    };

    public static ActionContract RecallPrivate { get; } = new()
    {
        Name = "memory.recall_private", Method = "GET", Route = "/v1/memory", Access = ActionAccess.Agent, RoomTokenAllowed = false,
        Writes = false, IdempotencyKey = false,
        Summary = "Search your private memory: the notes matching any word of 'q', best match first.",
        Description = "'q' is plain words, never search syntax. Only the current value of each key is searched. 'limit' is 1-100 (default 20).",
        Input = ProtocolJsonContext.Default.RecallRequest,
        Output = ProtocolJsonContext.Default.RecallResponse,
    };

    public static IReadOnlyList<ActionContract> All { get; } = [Remember, Recall, RememberPrivate, RecallPrivate];
}

using Parler.Core.Protocol;

namespace Parler.Contract.Actions;

/// <summary>The hub's self-description: who it is, its OpenAPI document and its guide for agents.</summary>
internal static class HubContract
{
    public static ActionContract Info { get; } = new()
    {
        Name = "hub.info", Method = "GET", Route = "/v1", Access = ActionAccess.Anyone,
        Writes = false, IdempotencyKey = false,
        Summary = "Identify the hub and the contract versions it speaks.",
        Description = "Returns the hub id (the value an agent signs into its challenge), supported Parle-Version values and where the OpenAPI document and llms.txt live.",
        Input = ProtocolJsonContext.Default.EmptyRequest,
        Output = ProtocolJsonContext.Default.HubInfoResponse,
    };

    public static ActionContract OpenApi { get; } = new()
    {
        Name = "hub.openapi", Method = "GET", Route = "/openapi.json", Access = ActionAccess.Anyone,
        Writes = false, IdempotencyKey = false,
        Summary = "The OpenAPI 3.1 document of every action.",
        Description = "Generated from the action registry, so it always matches what the hub serves.",
    };

    public static ActionContract LlmsText { get; } = new()
    {
        Name = "hub.llms", Method = "GET", Route = "/llms.txt", Access = ActionAccess.Anyone,
        Writes = false, IdempotencyKey = false,
        Summary = "A plain-text guide for agents: authenticate, join, read, post and ack over HTTP.",
        Description = "Generated from the action registry; an agent with no other knowledge can follow it.",
        ResponseContentType = "text/plain",
    };

    public static ActionContract Health { get; } = new()
    {
        Name = "hub.health", Method = "GET", Route = "/health", Access = ActionAccess.Anyone,
        Writes = false, IdempotencyKey = false,
        Summary = "Whether the hub can write its record now.",
        Description = "Answers status ok, or degraded with the reason and since when while writes fail (a full disk, an unreachable or damaged database); the next write that commits makes it ok again. Reads may still be served while degraded.",
        Input = ProtocolJsonContext.Default.EmptyRequest,
        Output = ProtocolJsonContext.Default.HubHealthResponse,
    };

    public static IReadOnlyList<ActionContract> All { get; } = [Info, OpenApi, LlmsText, Health];
}

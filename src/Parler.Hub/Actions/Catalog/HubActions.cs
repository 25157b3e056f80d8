using Parler.Core.Protocol;
using Parler.Hub.Discovery;

namespace Parler.Hub.Actions.Catalog;

/// <summary>The hub's self-description: who it is, its OpenAPI document and its guide for agents.</summary>
internal static class HubActions
{
    public static IEnumerable<ActionDefinition> Declare()
    {
        var context = ProtocolJsonContext.Default;
        yield return ActionDefinition.Reading(
            new ActionDefinition
            {
                Name = "hub.info", Method = "GET", Route = "/v1", Access = ActionAccess.Anyone,
                Summary = "Identify the hub and the contract versions it speaks.",
                Description = "Returns the hub id (the value an agent signs into its challenge), supported Parle-Version values and where the OpenAPI document and llms.txt live.",
            },
            context.EmptyRequest,
            context.HubInfoResponse,
            async (call, _, ct) =>
            {
                var meta = await call.Services.Store.GetMetaAsync(ct);
                return new HubInfoResponse(meta.HubId, "parler", ActionPipeline.SupportedVersions, "/openapi.json", "/llms.txt");
            });
        yield return new ActionDefinition
        {
            Name = "hub.openapi", Method = "GET", Route = "/openapi.json", Access = ActionAccess.Anyone,
            Summary = "The OpenAPI 3.1 document of every action.",
            Description = "Generated from the action registry, so it always matches what the hub serves.",
            Raw = (call, _, ct) => OpenApiDocument.WriteAsync(call, ct),
        };
        yield return new ActionDefinition
        {
            Name = "hub.llms", Method = "GET", Route = "/llms.txt", Access = ActionAccess.Anyone,
            Summary = "A plain-text guide for agents: authenticate, join, read, post and ack over HTTP.",
            Description = "Generated from the action registry; an agent with no other knowledge can follow it.",
            ResponseContentType = "text/plain",
            Raw = (call, _, ct) => LlmsText.WriteAsync(call, ct),
        };
    }
}

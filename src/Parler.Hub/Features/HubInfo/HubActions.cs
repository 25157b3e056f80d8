using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Discovery;

namespace Parler.Hub.Features.HubInfo;

/// <summary>The hub's self-description: who it is, its OpenAPI document and its guide for agents.</summary>
internal static class HubActions
{
    public static IEnumerable<ActionDefinition> Declare()
    {
        var context = ProtocolJsonContext.Default;
        yield return ActionDefinition.Reading(
            HubContract.Info,
            context.EmptyRequest,
            context.HubInfoResponse,
            async (call, _, ct) =>
            {
                var meta = await call.Services.Store.GetMetaAsync(ct);
                return new HubInfoResponse(meta.HubId, "parler", ActionPipeline.SupportedVersions, "/openapi.json", "/llms.txt");
            });
        yield return ActionDefinition.Reading(
            HubContract.Health,
            context.EmptyRequest,
            context.HubHealthResponse,
            (call, _, _) => Task.FromResult(call.Services.Store.Health.Current is { } degraded
                ? new HubHealthResponse("degraded", degraded.Reason, degraded.Error.Code, degraded.Since.ToUnixTimeMilliseconds())
                : new HubHealthResponse("ok", null, null, null)));
        yield return ActionDefinition.Streaming(HubContract.OpenApi, (call, _, ct) => OpenApiDocument.WriteAsync(call, ct));
        yield return ActionDefinition.Streaming(HubContract.LlmsText, (call, _, ct) => LlmsText.WriteAsync(call, ct));
    }
}

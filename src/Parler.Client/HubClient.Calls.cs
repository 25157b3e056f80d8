using System.Text.Json.Nodes;

namespace Parler.Client;

internal sealed partial class HubClient
{
    /// <summary>
    /// Calls any action by method and path (with its query) and a JSON body, signed in and retried like every typed
    /// call; for callers driven by the action registry. A write retried with the same <paramref name="idempotencyKey"/> lands once.
    /// </summary>
    public Task<JsonObject> CallAsync(
        HttpMethod method, string pathAndQuery, JsonObject? body, string? idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync(method, pathAndQuery, body is null ? null : Json(body, In.JsonObject), Out.JsonObject, true, idempotencyKey, true, cancellationToken);
}

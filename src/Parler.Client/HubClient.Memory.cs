using System.Globalization;
using Parler.Core.Protocol;

namespace Parler.Client;

internal sealed partial class HubClient
{
    /// <summary>Remembers a note in a room's shared memory, or with no room in this agent's private memory.</summary>
    public Task<RememberResponse> RememberAsync(
        string? roomRef, string text, string? key, CancellationToken cancellationToken, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, MemoryPath(roomRef), Json(new RememberRequest(text, key), In.RememberRequest),
            Out.RememberResponse, true, idempotencyKey ?? NewIdempotencyKey(), true, cancellationToken);

    /// <summary>Searches a room's shared memory, or with no room this agent's private memory; best match first.</summary>
    public Task<RecallResponse> RecallAsync(string? roomRef, string query, int? limit, CancellationToken cancellationToken)
    {
        var path = MemoryPath(roomRef) + "?q=" + Uri.EscapeDataString(query)
            + (limit is { } l ? "&limit=" + l.ToString(CultureInfo.InvariantCulture) : "");
        return SendAsync(HttpMethod.Get, path, null, Out.RecallResponse, true, null, true, cancellationToken);
    }

    private static string MemoryPath(string? roomRef) => roomRef is null ? "/v1/memory" : $"/v1/rooms/{Escape(roomRef)}/memory";
}

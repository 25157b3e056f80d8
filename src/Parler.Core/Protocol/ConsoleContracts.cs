using System.Text.Json.Serialization;

namespace Parler.Core.Protocol;

/// <summary>A one-time sign-in link for the web console: the path (with its secret) to open on the hub.</summary>
internal sealed record ConsoleLinkResponse(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt);

/// <summary>The secret of a console link or a viewer link, exchanged once for the console's cookie.</summary>
internal sealed record ConsoleSignInRequest(
    [property: JsonPropertyName("code")] string? Code = null);

/// <summary>Who the open console is signed in as, and the token it must echo on every state-changing request.</summary>
internal sealed record ConsoleSessionResponse(
    [property: JsonPropertyName("agent_id")] string AgentId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("room")] string? Room,
    [property: JsonPropertyName("csrf")] string Csrf,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt);

internal sealed record ViewerLinkRequest(
    [property: JsonPropertyName("ttl_seconds")] int? TtlSeconds = null);

/// <summary>A read-only viewer link for one room; <c>viewer_id</c> is what revokes it.</summary>
internal sealed record ViewerLinkResponse(
    [property: JsonPropertyName("viewer_id")] string ViewerId,
    [property: JsonPropertyName("room")] string Room,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt);

internal sealed record ViewerView(
    [property: JsonPropertyName("viewer_id")] string ViewerId,
    [property: JsonPropertyName("room")] string Room,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt,
    [property: JsonPropertyName("revoked")] bool Revoked);

internal sealed record ViewerListResponse(
    [property: JsonPropertyName("viewers")] IReadOnlyList<ViewerView> Viewers);

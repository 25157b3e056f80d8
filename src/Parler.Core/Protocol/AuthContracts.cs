using System.Text.Json.Serialization;

namespace Parler.Core.Protocol;

/// <summary>Asks the hub for a single-use challenge to sign.</summary>
internal sealed record ChallengeRequest(
    [property: JsonPropertyName("agent_id")] string? AgentId);

internal sealed record ChallengeResponse(
    [property: JsonPropertyName("challenge")] string Challenge,
    [property: JsonPropertyName("hub_id")] string HubId,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt,
    [property: JsonPropertyName("sign")] string Sign);

/// <summary>Trades a signed challenge for a bearer token.</summary>
internal sealed record TokenRequest(
    [property: JsonPropertyName("agent_id")] string? AgentId,
    [property: JsonPropertyName("challenge")] string? Challenge,
    [property: JsonPropertyName("signature")] string? Signature,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("room")] string? Room = null,
    [property: JsonPropertyName("ttl_seconds")] int? TtlSeconds = null,
    [property: JsonPropertyName("join_secret")] string? JoinSecret = null);

internal sealed record TokenResponse(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("token_id")] string TokenId,
    [property: JsonPropertyName("agent_id")] string AgentId,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("room")] string? Room,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt);

internal sealed record RevokeTokenRequest(
    [property: JsonPropertyName("token_id")] string? TokenId = null);

internal sealed record RevokeTokenResponse(
    [property: JsonPropertyName("token_id")] string TokenId,
    [property: JsonPropertyName("revoked")] bool Revoked);

internal sealed record WhoAmIResponse(
    [property: JsonPropertyName("agent_id")] string AgentId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("token_id")] string TokenId,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("room")] string? Room,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt,
    [property: JsonPropertyName("hub_id")] string HubId);

internal sealed record HubInfoResponse(
    [property: JsonPropertyName("hub_id")] string HubId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("versions")] IReadOnlyList<string> Versions,
    [property: JsonPropertyName("openapi")] string OpenApi,
    [property: JsonPropertyName("llms")] string Llms);

/// <summary>hub.health: ok, or degraded with what fails and since when (unix milliseconds).</summary>
internal sealed record HubHealthResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("since")] long? Since);

internal sealed record EmptyRequest;

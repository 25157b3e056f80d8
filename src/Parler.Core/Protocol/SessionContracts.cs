using System.Text.Json.Serialization;

namespace Parler.Core.Protocol;

internal sealed record JoinRequestView(
    [property: JsonPropertyName("agent_id")] string AgentId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("requested_at")] DateTimeOffset RequestedAt);

internal sealed record JoinRequestsResponse(
    [property: JsonPropertyName("room")] string Room,
    [property: JsonPropertyName("requests")] IReadOnlyList<JoinRequestView> Requests);

internal sealed record MemberDecisionResponse(
    [property: JsonPropertyName("room")] string Room,
    [property: JsonPropertyName("agent_id")] string AgentId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("status")] string Status);

/// <summary>Hands the turn to another agent: who, what was done, what to do next. Signed like a message.</summary>
internal sealed record PostHandoffRequest(
    [property: JsonPropertyName("for")] string? For,
    [property: JsonPropertyName("summary")] string? Summary,
    [property: JsonPropertyName("next")] string? Next,
    [property: JsonPropertyName("nonce")] string? Nonce,
    [property: JsonPropertyName("signature")] string? Signature,
    [property: JsonPropertyName("bundle")] string? Bundle = null);

internal sealed record HandoffResponse(
    [property: JsonPropertyName("room")] string Room,
    [property: JsonPropertyName("handoff_id")] string HandoffId,
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("for_agent")] string? ForAgent = null,
    [property: JsonPropertyName("for_name")] string? ForName = null);

internal sealed record TaskStatusRequest(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("note")] string? Note = null);

internal sealed record TaskStatusResponse(
    [property: JsonPropertyName("room")] string Room,
    [property: JsonPropertyName("handoff_id")] string HandoffId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("seq")] long Seq);

using System.Text.Json.Serialization;

namespace Parler.Core.Protocol;

/// <summary>The signed fields of a card: what the agent says about itself.</summary>
internal sealed record CardFields(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("role")] string? Role,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("tags")] IReadOnlyList<string>? Tags,
    [property: JsonPropertyName("skills")] IReadOnlyList<string>? Skills,
    [property: JsonPropertyName("visibility")] string? Visibility,
    [property: JsonPropertyName("updated_at")] string? UpdatedAt);

internal sealed record PublishCardRequest(
    [property: JsonPropertyName("card")] CardFields? Card,
    [property: JsonPropertyName("signature")] string? Signature);

/// <summary>A published card as readers get it: the agent, its signed fields and the signature to check them with.</summary>
internal sealed record CardView(
    [property: JsonPropertyName("agent")] string Agent,
    [property: JsonPropertyName("card")] CardFields Card,
    [property: JsonPropertyName("signature")] string Signature,
    [property: JsonPropertyName("presence")] PresenceView? Presence = null);

/// <summary>What the hub saw of an agent (not signed, not stored): online now, and when it last called.</summary>
internal sealed record PresenceView(
    [property: JsonPropertyName("online")] bool Online,
    [property: JsonPropertyName("last_seen")] DateTimeOffset? LastSeen);

internal sealed record DiscoverCardsRequest(
    [property: JsonPropertyName("q")] string? Q = null,
    [property: JsonPropertyName("tag")] string? Tag = null,
    [property: JsonPropertyName("skill")] string? Skill = null,
    [property: JsonPropertyName("public")] bool? Public = null,
    [property: JsonPropertyName("online")] bool? Online = null);

internal sealed record CardListResponse(
    [property: JsonPropertyName("cards")] IReadOnlyList<CardView> Cards);

internal sealed record OpenDmRequest(
    [property: JsonPropertyName("to")] string? To);

using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Parler.Core.Protocol;

namespace Parler.Contract.Facts;

/// <summary>An agent signed in for the first time, under a name (on the agent's own stream).</summary>
internal sealed record AgentRegistered([property: JsonPropertyName("name")] string Name) : IFact<AgentRegistered>
{
    public static string Type => FactTypes.AgentRegistered;

    public static JsonTypeInfo<AgentRegistered> Json => FactJsonContext.Default.AgentRegistered;
}

internal sealed record AgentRenamed([property: JsonPropertyName("name")] string Name) : IFact<AgentRenamed>
{
    public static string Type => FactTypes.AgentRenamed;

    public static JsonTypeInfo<AgentRenamed> Json => FactJsonContext.Default.AgentRenamed;
}

/// <summary>A token was issued for a signed challenge; only its hash is kept, and the challenge is single use.</summary>
internal sealed record TokenIssued(
    [property: JsonPropertyName("token_id")] string TokenId,
    [property: JsonPropertyName("token_hash")] string TokenHash,
    [property: JsonPropertyName("challenge")] string Challenge,
    [property: JsonPropertyName("expires_at")] long ExpiresAt,
    [property: JsonPropertyName("room"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Room = null) : IFact<TokenIssued>
{
    public static string Type => FactTypes.TokenIssued;

    public static JsonTypeInfo<TokenIssued> Json => FactJsonContext.Default.TokenIssued;
}

internal sealed record TokenRevoked([property: JsonPropertyName("token_id")] string TokenId) : IFact<TokenRevoked>
{
    public static string Type => FactTypes.TokenRevoked;

    public static JsonTypeInfo<TokenRevoked> Json => FactJsonContext.Default.TokenRevoked;
}

/// <summary>An agent published its signed card; readers check the signature, so the hub cannot alter it.</summary>
internal sealed record CardPublished(
    [property: JsonPropertyName("agent")] string Agent,
    [property: JsonPropertyName("card")] CardFields Card,
    [property: JsonPropertyName("signature")] string Signature,
    [property: JsonPropertyName("presence")] PresenceView? Presence = null) : IFact<CardPublished>
{
    public static string Type => FactTypes.CardPublished;

    public static JsonTypeInfo<CardPublished> Json => FactJsonContext.Default.CardPublished;
}

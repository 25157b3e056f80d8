using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Parler.Contract.Facts;

/// <summary>A room was created; its creator joins by a separate <see cref="MemberJoined"/>.</summary>
internal sealed record RoomCreated(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("approval")] bool Approval = false) : IFact<RoomCreated>
{
    public static string Type => FactTypes.RoomCreated;

    public static JsonTypeInfo<RoomCreated> Json => FactJsonContext.Default.RoomCreated;
}

/// <summary>An agent joined a room (as its creator, by an invite, or into a DM).</summary>
internal sealed record MemberJoined(
    [property: JsonPropertyName("agent_id")] string AgentId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("role")] string? Role = null,
    [property: JsonPropertyName("invite_id")] string? InviteId = null) : IFact<MemberJoined>
{
    public static string Type => FactTypes.MemberJoined;

    public static JsonTypeInfo<MemberJoined> Json => FactJsonContext.Default.MemberJoined;
}

/// <summary>An agent redeemed an invite of a room that vets joiners, and waits for the owner.</summary>
internal sealed record MemberRequested(
    [property: JsonPropertyName("agent_id")] string AgentId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("role")] string? Role = null,
    [property: JsonPropertyName("invite_id")] string? InviteId = null) : IFact<MemberRequested>
{
    public static string Type => FactTypes.MemberRequested;

    public static JsonTypeInfo<MemberRequested> Json => FactJsonContext.Default.MemberRequested;
}

internal sealed record MemberApproved([property: JsonPropertyName("agent_id")] string AgentId) : IFact<MemberApproved>
{
    public static string Type => FactTypes.MemberApproved;

    public static JsonTypeInfo<MemberApproved> Json => FactJsonContext.Default.MemberApproved;
}

internal sealed record MemberDenied([property: JsonPropertyName("agent_id")] string AgentId) : IFact<MemberDenied>
{
    public static string Type => FactTypes.MemberDenied;

    public static JsonTypeInfo<MemberDenied> Json => FactJsonContext.Default.MemberDenied;
}

internal sealed record MemberRemoved([property: JsonPropertyName("agent_id")] string AgentId) : IFact<MemberRemoved>
{
    public static string Type => FactTypes.MemberRemoved;

    public static JsonTypeInfo<MemberRemoved> Json => FactJsonContext.Default.MemberRemoved;
}

internal sealed record MemberLeft([property: JsonPropertyName("agent_id")] string AgentId) : IFact<MemberLeft>
{
    public static string Type => FactTypes.MemberLeft;

    public static JsonTypeInfo<MemberLeft> Json => FactJsonContext.Default.MemberLeft;
}

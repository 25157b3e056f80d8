using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Parler.Hub.Features.Rooms;

/// <summary>A room as its facts leave it: who is in it and which invites are live. Derived, never edited.</summary>
internal sealed record RoomState(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("created_by")] string CreatedBy,
    [property: JsonPropertyName("created_at")] long CreatedAt,
    [property: JsonPropertyName("members")] ImmutableDictionary<string, MemberState> Members,
    [property: JsonPropertyName("invites")] ImmutableDictionary<string, InviteState> Invites,
    [property: JsonPropertyName("approval")] bool Approval = false,
    [property: JsonPropertyName("handoffs")] ImmutableDictionary<string, HandoffState>? Handoffs = null)
{
    public ImmutableDictionary<string, HandoffState> OpenHandoffs => Handoffs ?? ImmutableDictionary<string, HandoffState>.Empty;

    public MemberState? ActiveMember(string agentId) =>
        Members.TryGetValue(agentId, out var member) && member.Status == MemberStatus.Active ? member : null;

    public int ActiveCount => Members.Values.Count(m => m.Status == MemberStatus.Active);

    public bool IsOwner(string agentId) => ActiveMember(agentId)?.Role == Roles.Owner;
}

internal sealed record MemberState(
    [property: JsonPropertyName("agent_id")] string AgentId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("joined_at")] long JoinedAt);

internal sealed record InviteState(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("code_hash")] string CodeHash,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("minted_by")] string MintedBy,
    [property: JsonPropertyName("expires_at")] long ExpiresAt,
    [property: JsonPropertyName("max_uses")] int MaxUses,
    [property: JsonPropertyName("uses")] int Uses,
    [property: JsonPropertyName("revoked")] bool Revoked,
    [property: JsonPropertyName("approval")] bool Approval = false);

internal sealed record HandoffState(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("for")] string For,
    [property: JsonPropertyName("by")] string By,
    [property: JsonPropertyName("status")] string Status);

internal static class TaskStatuses
{
    public const string Open = "open";

    public static readonly IReadOnlyList<string> Reported = ["accepted", "working", "done", "failed"];
}

internal static class MemberStatus
{
    public const string Active = "active";
    public const string Left = "left";
    public const string Pending = "pending";
    public const string Denied = "denied";
    public const string Removed = "removed";
}

internal static class Roles
{
    public const string Owner = "owner";
    public const string Member = "member";
}

internal static class RoomKinds
{
    public const string Channel = "channel";
    public const string Dm = "dm";

    public static bool IsKnown(string kind) => kind is Channel or Dm;
}

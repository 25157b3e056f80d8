using System.Text.Json.Serialization;

namespace Parler.Core.Protocol;

internal sealed record CreateRoomRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("kind")] string? Kind = null,
    [property: JsonPropertyName("approval")] bool? Approval = null);

internal sealed record RoomView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("members")] int Members,
    [property: JsonPropertyName("unread")] long Unread,
    [property: JsonPropertyName("head")] long Head,
    [property: JsonPropertyName("cursor")] long Cursor);

internal sealed record RoomListResponse(
    [property: JsonPropertyName("rooms")] IReadOnlyList<RoomView> Rooms);

/// <summary>rooms.wait: the mark of the room list the caller last saw, and how long to wait for it to change.</summary>
internal sealed record WaitRoomsRequest(
    [property: JsonPropertyName("mark")] string? Mark = null,
    [property: JsonPropertyName("wait")] int? Wait = null);

internal sealed record RoomWaitResponse(
    [property: JsonPropertyName("mark")] string Mark,
    [property: JsonPropertyName("rooms")] IReadOnlyList<RoomView> Rooms);

internal sealed record MemberView(
    [property: JsonPropertyName("agent_id")] string AgentId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("joined_at")] DateTimeOffset JoinedAt);

internal sealed record RosterResponse(
    [property: JsonPropertyName("room")] string Room,
    [property: JsonPropertyName("members")] IReadOnlyList<MemberView> Members);

internal sealed record LeaveResponse(
    [property: JsonPropertyName("room")] string Room,
    [property: JsonPropertyName("left")] bool Left);

internal sealed record MintInviteRequest(
    [property: JsonPropertyName("ttl_seconds")] int? TtlSeconds = null,
    [property: JsonPropertyName("max_uses")] int? MaxUses = null,
    [property: JsonPropertyName("approval")] bool? Approval = null);

internal sealed record InviteView(
    [property: JsonPropertyName("invite_id")] string InviteId,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("room")] string Room,
    [property: JsonPropertyName("room_name")] string RoomName,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt,
    [property: JsonPropertyName("max_uses")] int MaxUses,
    [property: JsonPropertyName("approval")] bool Approval = false);

internal sealed record RedeemInviteRequest(
    [property: JsonPropertyName("code")] string? Code);

internal sealed record RedeemInviteResponse(
    [property: JsonPropertyName("room")] RoomView Room,
    [property: JsonPropertyName("status")] string Status);

internal sealed record RevokeInviteResponse(
    [property: JsonPropertyName("invite_id")] string InviteId,
    [property: JsonPropertyName("revoked")] bool Revoked);

using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Storage;

/// <summary>The hub's own identity and the key it signs challenges with.</summary>
internal sealed record HubMeta(string HubId, byte[] ChallengeKey);

internal sealed record TokenRecord(
    string TokenId, string AgentId, string? Room, long ExpiresAt, bool Revoked);

internal sealed record RoomRecord(RoomState State, long Head, string HeadHash)
{
    public string Id => State.Id;
}

/// <summary>A room as one member sees it in a listing.</summary>
internal sealed record RoomSummary(RoomRecord Room, string Role, long Cursor, long Unread);

internal sealed record InviteLookup(string InviteId, string RoomId);

internal sealed record IdempotencyRecord(string Principal, string Key, string RequestHash, int Status, string Response);

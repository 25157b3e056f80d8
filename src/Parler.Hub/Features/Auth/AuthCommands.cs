using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Features.Auth;

/// <summary>
/// auth.token inside the writer: the agent (its signature over the challenge checked before), the challenge it signed,
/// the name it asks for, the room a room token is for, and the new token's id, hash and lifetime.
/// </summary>
internal sealed record IssueToken(string Agent, string Challenge, string? RequestedName, string? Room, string TokenId, string TokenHash, TimeSpan Lifetime);

/// <summary>What the writer holds for a sign-in: the name the agent goes by (null: never registered) and, for a room token, that room (null: none).</summary>
internal sealed record IssueState(string? KnownName, RoomState? Room);

/// <summary>What a sign-in appends, in order: the agent's registration or its new name (neither when it keeps its name), then the token.</summary>
internal sealed record TokenGrant(AgentRegistered? Registered, AgentRenamed? Renamed, TokenIssued Issued);

/// <summary>auth.revoke: who revokes which token, and through which token (a room token may revoke only itself).</summary>
internal sealed record RevokeToken(string Caller, string TokenId, string CallerTokenId, bool RoomScoped);

namespace Parler.Mcp.Session;

/// <param name="Detail">Why a knock failed, for the agent to read.</param>
internal sealed record SessionSnapshot(SessionStatus Status, string? RoomId, string? RoomName, string? Detail);

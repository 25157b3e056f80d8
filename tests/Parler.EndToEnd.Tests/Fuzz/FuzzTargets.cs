namespace Parler.EndToEnd.Tests.Fuzz;

/// <summary>What the fuzz may aim at: a room it is a member of, tokens, and ids that exist.</summary>
internal sealed record FuzzTargets(string RoomId, string RoomName, string Token, string AgentId, string OutsiderRoomId);

namespace Parler.EndToEnd.Tests.Harness;

/// <summary>Two members of one channel: alice (owner) and bob (member).</summary>
public sealed record Team(ParlerCli Alice, ParlerCli Bob, string RoomId);

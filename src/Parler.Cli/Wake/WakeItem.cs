using Parler.Core.Protocol;

namespace Parler.Cli.Wake;

/// <summary>One fact addressed to this agent: a handoff the hub resolved to it, a DM from a peer, or a knock on a room it owns.</summary>
internal sealed record WakeItem(string Kind, RoomView Room, EventView Fact)
{
    public const string Handoff = "handoff";
    public const string Dm = "dm";
    public const string Knock = "knock";
}

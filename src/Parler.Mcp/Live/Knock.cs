namespace Parler.Mcp.Live;

/// <summary>An agent waiting to join a room this agent owns.</summary>
internal sealed record Knock(string RoomId, string RoomName, string AgentId, string Name)
{
    /// <summary>The question put to the person, in the agent's own UI.</summary>
    public string Question =>
        $"{Output.PeerContent.Quote(Name)} ({AgentId[..Math.Min(12, AgentId.Length)]}…, verified id) asks to join '{RoomName}'. " +
        "Accepting lets it read the whole room, its context included. Let it in?";
}

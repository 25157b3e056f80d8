namespace Parler.Hub.Storage;

/// <summary>
/// Wake-up keys a commit raises besides the streams it touched. A fact that makes an agent an active member of a room
/// (a DM opened to it, a knock approved) also wakes <see cref="RoomsOf"/> that agent, so a wait over all of an agent's
/// rooms (rooms.wait) learns of a room it was not yet following without polling the room list.
/// </summary>
internal static class WakeKeys
{
    public static string RoomsOf(string agentId) => "rooms:" + agentId;

    /// <summary>The extra key <paramref name="fact"/> wakes, or null.</summary>
    public static string? For(StoredFact fact) => fact.Type switch
    {
        FactTypes.MemberJoined => RoomsOf(fact.Read<MemberJoined>().AgentId),
        FactTypes.MemberApproved => RoomsOf(fact.Read<MemberApproved>().AgentId),
        _ => null,
    };
}

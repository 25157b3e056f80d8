namespace Parler.Hub.Storage;

/// <summary>
/// Wake-up keys a commit raises besides the streams it touched. A fact that makes an agent an active member of a room
/// (a DM opened to it, a knock approved) also wakes <see cref="RoomsOf"/> that agent, so a wait over all of an agent's
/// rooms (rooms.wait) learns of a room it was not yet following without polling the room list. A fact that changes a
/// room's state (its members, their roles) also raises <see cref="StateOf"/> that room, so a hub's cache of rooms (for
/// access checks) drops it, on this hub before the writer is answered and on the others through NOTIFY.
/// </summary>
internal static class WakeKeys
{
    public static string RoomsOf(string agentId) => "rooms:" + agentId;

    public static string StateOf(string roomId) => "state:" + roomId;

    /// <summary>Adds the keys <paramref name="fact"/> raises besides its own stream.</summary>
    public static void Add(StoredFact fact, HashSet<string> touched)
    {
        if (For(fact) is { } wake)
        {
            touched.Add(wake);
        }

        if (Features.Rooms.RoomEvolution.ChangesState(fact.Type))
        {
            touched.Add(StateOf(fact.Stream));
        }
    }

    /// <summary>The extra key <paramref name="fact"/> wakes, or null.</summary>
    public static string? For(StoredFact fact) => fact.Type switch
    {
        FactTypes.MemberJoined => RoomsOf(fact.Read<MemberJoined>().AgentId),
        FactTypes.MemberApproved => RoomsOf(fact.Read<MemberApproved>().AgentId),
        _ => null,
    };
}

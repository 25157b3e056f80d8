namespace Parler.Mcp.Session;

internal enum SessionStatus
{
    /// <summary>No session key and no session opened here.</summary>
    None,

    /// <summary>Started with a key; the knock has not been answered yet (the hub may be unreachable).</summary>
    Knocking,

    /// <summary>Knocked; the host has not approved yet.</summary>
    Pending,

    /// <summary>In the session's room, as a guest.</summary>
    Approved,

    /// <summary>This agent opened the session and vets who knocks.</summary>
    Host,

    /// <summary>The key was refused (unknown, expired, used up) or the host turned this agent away.</summary>
    Refused,
}

namespace Parler.Hub.WebConsole;

/// <summary>The actions the console's cookie may call: the page's own calls, and for a viewer only its reads.</summary>
internal static class ConsolePolicy
{
    private static readonly HashSet<string> Reads = new(StringComparer.Ordinal)
    {
        "console.session", "agent.whoami", "rooms.list", "rooms.roster", "messages.read", "messages.stream",
        "memory.recall", "blobs.download", "cards.get", "files.list",
    };

    private static readonly HashSet<string> OwnerOnly = new(StringComparer.Ordinal)
    {
        "requests.list", "requests.approve", "requests.deny", "viewers.list", "auth.revoke", "jobs.list", "rooms.wait",
    };

    public static bool Allows(string action, bool viewer) =>
        Reads.Contains(action) || (!viewer && OwnerOnly.Contains(action));
}

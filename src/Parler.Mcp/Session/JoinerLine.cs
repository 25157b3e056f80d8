using Parler.Client;

namespace Parler.Mcp.Session;

/// <summary>
/// The one line that starts the next agent with a session key and reaches this hub: the hub URL (with its certificate
/// pin) when it is not the default; the join secret as a variable the person sets, never its value; and a home of its
/// own when the hub is on this machine, so the joiner is not this agent talking to itself.
/// </summary>
internal static class JoinerLine
{
    public static string For(string key, McpSettings settings)
    {
        var line = $"claude mcp add parler -e PARLER_SESSION_KEY={key}";
        if (settings.HubForOthers is { } hub)
        {
            line += $" -e PARLER_HUB={hub}";
        }

        if (NeedsJoinSecret(settings))
        {
            line += " -e PARLER_JOIN_SECRET=\"$PARLER_JOIN_SECRET\"";
        }

        if (LocalHub.IsLocal(settings.Hub))
        {
            line += " -e PARLER_HOME=~/.parler-joiner";
        }

        return line + " -- parler mcp";
    }

    /// <summary>What the person is told beside the line, when it needs more than the line.</summary>
    public static string? Advice(McpSettings settings) =>
        NeedsJoinSecret(settings)
            ? "This hub asks for its join secret: the person starting the next agent sets PARLER_JOIN_SECRET in that shell first (it is not shown here)."
            : null;

    private static bool NeedsJoinSecret(McpSettings settings) =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PARLER_JOIN_SECRET")) || JoinSecretFile.Read(settings.Home, settings.Hub) is not null;
}

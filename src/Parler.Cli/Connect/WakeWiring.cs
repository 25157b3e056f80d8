namespace Parler.Cli.Connect;

/// <summary>
/// The wake path each host gets. Claude Code: its Stop hook (<c>parler hook stop</c> in <c>~/.claude/settings.json</c>), so a
/// turn goes on when a peer writes, and channels when it is started with the development-channels flag (Claude Code has no
/// user setting for a channel server; only that flag or an organisation's managed settings enable one). Every other host:
/// the waiting read.
/// </summary>
internal static class WakeWiring
{
    public const string ClaudeCodeId = "claude-code";

    public const string ChannelLaunch = "claude --dangerously-load-development-channels server:parler";

    /// <summary>Claude Code's user settings file, which holds its hooks.</summary>
    public static AgentHost? StopHookHost(ConnectSetup setup) =>
        setup.Hosts.FirstOrDefault(h => h.Id == ClaudeCodeId) is { } claude
            ? new AgentHost(ClaudeCodeId, "Claude Code (Stop hook)", Path.Combine(setup.Directories.Home, ".claude", "settings.json"),
                claude.Markers, StopHookFormat.Instance)
            : null;

    /// <summary>The hook's shell line: the agent's own home and hub, then <c>parler hook stop</c>, every value single-quoted.</summary>
    public static McpEntry StopHookEntry(ConnectSetup setup, AgentHost claude, Uri hub)
    {
        var entry = setup.EntryFor(claude, hub);
        var line = string.Concat(entry.Env.Select(e => $"{e.Key}={Quote(e.Value)} ")) + Quote(entry.Command) + " hook stop";
        return new McpEntry(line, [], []);
    }

    /// <summary>A line for <c>parler doctor</c>: which wake path this host has.</summary>
    public static string Describe(AgentHost agent, bool stopHookWired) => agent.Id switch
    {
        ClaudeCodeId when stopHookWired =>
            $"Stop hook (parler hook stop; waits PARLER_WAKE_WAIT_SECS, default 30); channel push when started with: {ChannelLaunch}",
        ClaudeCodeId => $"waiting read only: the Stop hook is not wired (run 'parler connect'); channel push when started with: {ChannelLaunch}",
        _ => "waiting read (the agent calls the read tool with a wait; it has no push or hook Parler can wire)",
    };

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

using System.Text.Json.Nodes;
using Parler.Cli.Commands;
using Parler.Cli.Output;
using Parler.Client;

namespace Parler.Cli.Connect;

/// <summary>Writes (or takes out) Parler's entry for every installed host, one host's failure never stopping the rest.</summary>
internal static class ConnectWiring
{
    public static async Task<WiringResult> WireAsync(
        CliContext context, ConnectSetup setup, string? teamAddress, bool loopbackOnly, CancellationToken cancellationToken)
    {
        var host = context.Host;
        HubMode mode;
        int? pid;
        if (teamAddress is not null)
        {
            (mode, pid) = await HubMode.StartTeamAsync(setup, teamAddress, cancellationToken);
        }
        else
        {
            mode = HubMode.Local(context, loopbackOnly);
            pid = await mode.EnsureLocalAsync(setup, cancellationToken);
        }

        var hubText = ConnectSetup.HubText(mode.Hub);
        await host.Error.WriteLineAsync(pid is { } started
            ? $"hub: started {hubText} in the background (pid {started}; log {Path.Combine(setup.ParlerHome, LocalHub.LogFile)})"
            : $"hub: {hubText}");

        var agents = new List<WiredAgent>();
        var report = new JsonArray();
        var failed = false;
        foreach (var agent in setup.Installed)
        {
            var entry = setup.EntryFor(agent, mode.Hub);
            try
            {
                var identity = setup.PrepareAgent(agent, mode.Hub, mode.JoinSecret);
                var change = await ApplyAsync(agent, entry, host.Environment, cancellationToken);
                agents.Add(new WiredAgent(agent, setup.AgentHome(agent), identity.Id));
                report.Add((JsonNode)new JsonObject { ["host"] = agent.Id, ["config"] = agent.ConfigPath, ["change"] = Name(change), ["agent_id"] = identity.Id });
                if (!context.Json)
                {
                    await host.Out.WriteLineAsync($"{agent.DisplayName,-15} {Name(change),-10} {agent.ConfigPath}");
                }

                await WireStopHookAsync(context, setup, agent, mode.Hub, report);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                failed = true;
                await host.Error.WriteLineAsync($"parler: {agent.DisplayName}: {ex.Message}");
            }
        }

        if (context.Json)
        {
            await host.Out.WriteLineAsync(JsonOutput.Of(report));
        }

        if (agents.Count == 0 && !failed)
        {
            await host.Error.WriteLineAsync("No AI clients found on this machine (looked for: " + string.Join(", ", setup.Hosts.Select(h => h.DisplayName))
                + "). Install one and run 'parler connect' again, or see 'parler connect --print'.");
            return new WiringResult(ExitCodes.NotFound, mode.Hub, agents);
        }

        if (mode.TeamUrl is { } team)
        {
            await TeamLine.PrintAsync(host, setup, team, mode.JoinSecret!);
        }

        await host.Error.WriteLineAsync("Restart your agents (or open a new chat) so they load Parler.");
        return new WiringResult(failed ? ExitCodes.Failure : ExitCodes.Success, mode.Hub, agents);
    }

    /// <summary>Claude Code also gets its Stop hook; a settings file with Stop hooks of its own is a warning, not a failure.</summary>
    private static async Task WireStopHookAsync(CliContext context, ConnectSetup setup, AgentHost agent, Uri hub, JsonArray report)
    {
        if (agent.Id != WakeWiring.ClaudeCodeId || WakeWiring.StopHookHost(setup) is not { } hooks)
        {
            return;
        }

        try
        {
            var change = ConfigFile.Apply(hooks, WakeWiring.StopHookEntry(setup, agent, hub));
            report.Add((JsonNode)new JsonObject { ["host"] = agent.Id, ["config"] = hooks.ConfigPath, ["change"] = Name(change), ["wake"] = "stop-hook" });
            if (!context.Json)
            {
                await context.Host.Out.WriteLineAsync($"{hooks.DisplayName,-15} {Name(change),-10} {hooks.ConfigPath}");
                await context.Host.Error.WriteLineAsync($"Claude Code: for instant pushes (channels), start it with: {WakeWiring.ChannelLaunch}");
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            await context.Host.Error.WriteLineAsync($"parler: {hooks.DisplayName}: {ex.Message}");
        }
    }

    public static async Task<int> RemoveAsync(CliContext context, ConnectSetup setup, CancellationToken cancellationToken)
    {
        var failed = false;
        foreach (var agent in setup.Installed)
        {
            if (agent.Id == WakeWiring.ClaudeCodeId && WakeWiring.StopHookHost(setup) is { } hooks)
            {
                try
                {
                    var removed = ConfigFile.Remove(hooks, WakeWiring.StopHookEntry(setup, agent, context.HubUrl));
                    if (removed != ConfigChange.Absent)
                    {
                        await context.Host.Out.WriteLineAsync($"{hooks.DisplayName,-15} {Name(removed),-10} {hooks.ConfigPath}");
                    }
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    failed = true;
                    await context.Host.Error.WriteLineAsync($"parler: {hooks.DisplayName}: {ex.Message}");
                }
            }

            try
            {
                ConfigChange change;
                if (ClaudeCli.Find(agent, context.Host.Environment) is { } cli && ConfigFile.ReadEntry(agent) is not null)
                {
                    await ClaudeCli.RemoveAsync(cli, cancellationToken);
                    change = ConfigChange.Removed;
                }
                else
                {
                    change = ConfigFile.Remove(agent, setup.EntryFor(agent, context.HubUrl));
                }

                if (change != ConfigChange.Absent)
                {
                    await context.Host.Out.WriteLineAsync($"{agent.DisplayName,-15} {Name(change),-10} {agent.ConfigPath}");
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                failed = true;
                await context.Host.Error.WriteLineAsync($"parler: {agent.DisplayName}: {ex.Message}");
            }
        }

        return failed ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static async Task<ConfigChange> ApplyAsync(AgentHost agent, McpEntry entry, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        if (ClaudeCli.Find(agent, environment) is not { } cli)
        {
            return ConfigFile.Apply(agent, entry);
        }

        if (entry.Matches(ConfigFile.ReadEntry(agent)))
        {
            return ConfigChange.Unchanged;
        }

        await ClaudeCli.AddAsync(cli, entry, cancellationToken);
        return ConfigChange.Written;
    }

    public static string Name(ConfigChange change) => change.ToString().ToLowerInvariant();
}

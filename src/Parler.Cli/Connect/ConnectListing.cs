using System.Text.Json.Nodes;
using Parler.Cli.Commands;
using Parler.Cli.Output;

namespace Parler.Cli.Connect;

/// <summary><c>connect --list</c> and <c>connect --print</c>: read-only views that never write a file or start a hub.</summary>
internal static class ConnectListing
{
    public static async Task<int> ListAsync(CliContext context, ConnectSetup setup)
    {
        var rows = new JsonArray();
        foreach (var agent in setup.Hosts)
        {
            McpEntry? entry = null;
            string? problem = null;
            try
            {
                entry = ConfigFile.ReadEntry(agent);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                problem = ex.Message;
            }

            rows.Add((JsonNode)new JsonObject
            {
                ["host"] = agent.Id,
                ["name"] = agent.DisplayName,
                ["detected"] = setup.IsInstalled(agent),
                ["connected"] = entry is not null,
                ["hub"] = entry?.EnvValue("PARLER_HUB"),
                ["config"] = agent.ConfigPath,
                ["home"] = entry?.EnvValue("PARLER_HOME"),
                ["error"] = problem,
            });
        }

        if (context.Json)
        {
            await context.Host.Out.WriteLineAsync(JsonOutput.Of(rows));
            return ExitCodes.Success;
        }

        await context.Host.Out.WriteLineAsync($"{"HOST",-15} {"DETECTED",-9} {"CONNECTED",-10} {"HUB",-24} CONFIG");
        foreach (var row in rows)
        {
            var detected = row!["detected"]!.GetValue<bool>() ? "detected" : "-";
            var connected = row["error"] is not null ? "unreadable" : row["connected"]!.GetValue<bool>() ? "connected" : "-";
            var hub = (string?)row["hub"] ?? "-";
            await context.Host.Out.WriteLineAsync($"{(string?)row["name"],-15} {detected,-9} {connected,-10} {hub,-24} {(string?)row["config"]}");
        }

        return ExitCodes.Success;
    }

    public static async Task<int> PrintAsync(CliContext context, ConnectSetup setup, HubMode mode)
    {
        var detected = setup.Installed.ToList();
        foreach (var agent in detected.Count > 0 ? detected : setup.Hosts)
        {
            var entry = setup.EntryFor(agent, mode.Hub);
            await context.Host.Out.WriteLineAsync($"# {agent.DisplayName}: {agent.ConfigPath}");
            if (ClaudeCli.Find(agent, context.Host.Environment) is not null)
            {
                var env = string.Concat(entry.Env.Select(e => $" -e {e.Key}={e.Value}"));
                await context.Host.Out.WriteLineAsync($"claude mcp add --scope user {HostFormat.ServerName}{env} -- {entry.Command} {string.Join(' ', entry.Args)}");
            }
            else
            {
                await context.Host.Out.WriteLineAsync(agent.Format.Snippet(entry).TrimEnd());
            }

            await context.Host.Out.WriteLineAsync();
            if (agent.Id == WakeWiring.ClaudeCodeId && WakeWiring.StopHookHost(setup) is { } hooks)
            {
                await context.Host.Out.WriteLineAsync($"# {hooks.DisplayName}: {hooks.ConfigPath}");
                await context.Host.Out.WriteLineAsync(hooks.Format.Snippet(WakeWiring.StopHookEntry(setup, agent, mode.Hub)).TrimEnd());
                await context.Host.Out.WriteLineAsync();
            }
        }

        return ExitCodes.Success;
    }
}

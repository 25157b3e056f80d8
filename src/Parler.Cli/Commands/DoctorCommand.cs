using System.CommandLine;
using Parler.Cli.Connect;
using Parler.Cli.Doctor;
using Parler.Client;
using Parler.Core.Identity;

namespace Parler.Cli.Commands;

/// <summary><c>parler doctor</c>: checks the identity, the hub, each host's entry and a session key, with one fix per problem.</summary>
internal static class DoctorCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("doctor", "Check this machine's Parler set-up (identity, hub, the record and its hash chains, disk, each agent's entry and wake path, PARLER_SESSION_KEY) and print one fix per problem");
        command.Handle(host, async (context, cancellationToken) =>
        {
            var hub = await HubAsync(context.HubUrl, cancellationToken);
            var checks = new List<DoctorCheck> { Identity(context.Home), hub };
            if (await DoctorRecord.CheckAsync(LocalHub.HomeFor(context.Home) ?? context.Home, cancellationToken) is { } record)
            {
                checks.Add(record);
            }
            else if (hub.Fix is null && File.Exists(IdentityFile.PathFor(context.Home)))
            {
                // The record is elsewhere: check the caller's rooms as the hub serves them.
                checks.Add(await RoomChainsAsync(context, cancellationToken));
            }

            checks.Add(DoctorRecord.Disk(context.Home));
            var setup = new ConnectSetup(host, HostDirectories.Current);
            checks.AddRange(setup.Installed.Select(Entry));
            checks.AddRange(setup.Installed.Select(agent => Wake(setup, agent)).OfType<DoctorCheck>());
            if (host.Environment("PARLER_SESSION_KEY") is { } key)
            {
                checks.Add(SessionKey(key));
            }

            foreach (var check in checks)
            {
                await host.Out.WriteLineAsync($"{(check.Fix is null ? "ok  " : check.Failed ? "FAIL" : "note")} {check.Subject}: {check.Finding}");
                if (check.Fix is not null)
                {
                    await host.Out.WriteLineAsync($"     {(check.Failed ? "fix" : "how")}: {check.Fix}");
                }
            }

            var problems = checks.Count(c => c.Fix is not null && c.Failed);
            await host.Error.WriteLineAsync(problems == 0 ? "All checks passed." : $"{problems} problem(s) found.");
            return problems == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static async Task<DoctorCheck> RoomChainsAsync(CliContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await DoctorChains.CheckAsync(context, cancellationToken);
        }
        catch (Exception ex) when (ex is HubClientException or HttpRequestException or IOException)
        {
            return new("rooms", $"could not read this identity's rooms: {ex.Message}", "run 'parler rooms' to see the hub's answer", Failed: false);
        }
    }

    private static DoctorCheck Identity(string home)
    {
        var path = IdentityFile.PathFor(home);
        if (!File.Exists(path))
        {
            // Not a failure: agents wired by 'parler connect' have their own; this one is only for the CLI.
            return new("identity", $"no CLI identity yet at {path} (agents wired by 'parler connect' have their own)", "run 'parler whoami' to create one for the CLI", Failed: false);
        }

        try
        {
            var identity = IdentityFile.LoadOrCreate(home, null);
            return new("identity", $"{identity.Id} ({identity.Name}) in {home}", null);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new("identity", ex.Message, $"restore {path} from a backup, or move it aside to start a new identity");
        }
    }

    private static async Task<DoctorCheck> HubAsync(Uri hub, CancellationToken cancellationToken) =>
        await LocalHub.AnswersAsync(hub, cancellationToken)
            ? new("hub", $"{ConnectSetup.HubText(hub)} answers{await DoctorRecord.HubVersionAsync(hub, cancellationToken)}", null)
            : new("hub", $"nothing answers at {ConnectSetup.HubText(hub)}",
                LocalHub.IsLocal(hub) ? "run 'parler connect' (starts a local hub in the background) or 'parler hub'" : "check the URL (--hub or PARLER_HUB) and that the hub is running");

    private static DoctorCheck Entry(AgentHost agent)
    {
        var subject = agent.DisplayName;
        McpEntry? entry;
        try
        {
            entry = ConfigFile.ReadEntry(agent);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new(subject, ex.Message, $"fix the syntax of {agent.ConfigPath}, then run 'parler connect'");
        }

        return entry switch
        {
            null => new(subject, $"installed but not connected ({agent.ConfigPath})", "run 'parler connect'"),
            { Command.Length: 0 } => new(subject, $"its parler entry has no command ({agent.ConfigPath})", "run 'parler connect' to rewrite it"),
            _ when !File.Exists(entry.Command) => new(subject, $"its parler entry runs {entry.Command}, which does not exist",
                "run 'parler connect' with the parler you want agents to use"),
            _ when entry.EnvValue("PARLER_HOME") is null => new(subject, "its parler entry sets no PARLER_HOME, so it shares an identity",
                "run 'parler connect' to give it its own"),
            _ => new(subject, $"connected to {entry.EnvValue("PARLER_HUB") ?? "the default hub"} ({agent.ConfigPath})", null),
        };
    }

    /// <summary>
    /// Which wake path a wired host has: how its agent learns, between turns, that a peer addressed it. A host with no
    /// parler entry has no wake path to report (its entry line already says how to wire it).
    /// </summary>
    private static DoctorCheck? Wake(ConnectSetup setup, AgentHost agent)
    {
        var subject = $"{agent.DisplayName} wake path";
        var wired = false;
        try
        {
            if (ConfigFile.ReadEntry(agent) is not { Command.Length: > 0 })
            {
                return null;
            }

            wired = WakeWiring.StopHookHost(setup) is { } hooks && agent.Id == WakeWiring.ClaudeCodeId
                && ConfigFile.ReadEntry(hooks) is { Command.Length: > 0 };
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return agent.Id == WakeWiring.ClaudeCodeId && !wired
            ? new(subject, WakeWiring.Describe(agent, wired), "run 'parler connect' to wire the Stop hook", Failed: false)
            : new(subject, WakeWiring.Describe(agent, wired), null);
    }

    private static DoctorCheck SessionKey(string key)
    {
        var trimmed = key.Trim().ToUpperInvariant();
        return trimmed.Length == Hub.Features.Invites.InviteActions.CodeLength && trimmed.All(c => Hub.Features.Invites.InviteActions.Alphabet.Contains(c))
            ? new("PARLER_SESSION_KEY", "well-formed (not redeemed)", null)
            : new("PARLER_SESSION_KEY", $"not a session key: expected {Hub.Features.Invites.InviteActions.CodeLength} characters from {Hub.Features.Invites.InviteActions.Alphabet}",
                "copy the key again from the agent that opened the session (like A3KELDJR), or unset PARLER_SESSION_KEY");
    }

}

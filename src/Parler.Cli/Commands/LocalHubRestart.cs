using Parler.Cli.Connect;
using Parler.Client;

namespace Parler.Cli.Commands;

/// <summary>
/// The local hub is always there: a command that finds this machine's configured hub down starts it (once, under
/// the start lock in <see cref="LocalHub"/>) and runs again. "Configured" means a loopback http hub whose home (the
/// caller's PARLER_HOME, or for an agent wired by 'parler connect' the home above it) already holds a record; a hub somewhere else is never started on a guess.
/// </summary>
internal static class LocalHubRestart
{
    public static async Task<bool> TryAsync(CliContext context, CancellationToken cancellationToken)
    {
        Uri hub;
        try
        {
            hub = context.HubUrl;
        }
        catch (CliUsageException)
        {
            return false;
        }

        var hubHome = LocalHub.HomeFor(context.Home) ?? context.Home;
        if (!LocalHub.IsLocal(hub)
            || !File.Exists(Path.Combine(hubHome, "hub.db")))
        {
            return false;
        }

        if (RecordLock.Serving(Path.Combine(hubHome, "hub.db")) is { } running)
        {
            await context.Host.Error.WriteLineAsync(
                $"parler: {ConnectSetup.HubText(hub)} does not answer, and the hub ({running.Shown}) serves this record instead; use its URL with --hub, or stop it with 'parler hub stop'.");
            return false;
        }

        try
        {
            var pid = await LocalHub.EnsureAsync(
                ConnectCommandExecutable.Resolve(context.Host), hubHome, hub, ["--addr", $"{hub.Host}:{hub.Port}"],
                new Dictionary<string, string>(), context.Host.Time, cancellationToken);
            if (pid is not null)
            {
                await context.Host.Error.WriteLineAsync($"parler: the local hub was down; started it again (pid {pid}, log {Path.Combine(hubHome, LocalHub.LogFile)})");
            }

            return true;
        }
        catch (IOException ex)
        {
            await context.Host.Error.WriteLineAsync($"parler: the local hub was down and did not start: {ex.Message}");
            return false;
        }
    }
}

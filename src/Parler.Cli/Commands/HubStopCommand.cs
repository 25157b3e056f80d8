using System.CommandLine;
using System.Globalization;
using Parler.Client;
using Parler.Hub;
using Parler.Hub.Storage.Postgres;

namespace Parler.Cli.Commands;

/// <summary>
/// <c>parler hub stop [--addr HOST:PORT | --db FILE|URL]</c>: stops the hub meant and waits until it has. Without an
/// option that is the configured one: the hub serving this machine's record (PARLER_HOME/hub.db, the one 'parler
/// connect' runs) or listening where --hub / PARLER_HUB points. Every hub, SQLite or PostgreSQL, names itself under
/// the parler home (<see cref="HubRuntime"/>). When the one meant is not clear, it lists those running with the line
/// that stops each, and at a terminal asks which.
/// </summary>
internal static class HubStopCommand
{
    public static Command Create(CliHost host)
    {
        var database = new Option<string?>("--db")
        {
            Description = "the record whose hub to stop: a SQLite file or a PostgreSQL URL (default: PARLER_HOME/hub.db, the local hub)",
        };
        var address = new Option<string?>("--addr") { Description = "the address (host:port) the hub to stop listens on" };
        var command = new Command("stop", "Stop the hub you mean (the configured one, or --addr HOST:PORT, or --db FILE|URL), and wait until it has stopped")
        {
            database, address,
        };
        command.Handle(host, async (context, cancellationToken) =>
        {
            var hubHome = LocalHub.HomeFor(context.Home) ?? context.Home;
            var running = HubStopper.Running(hubHome);
            var (meant, what) = Meant(context, hubHome, running, context.ParseResult.GetValue(database), context.ParseResult.GetValue(address));
            var hub = meant.Count == 1 ? meant[0] : null;
            if (hub is null)
            {
                var candidates = meant.Count > 1 ? meant : running;
                if (candidates.Count == 0)
                {
                    await host.Error.WriteLineAsync($"parler: no hub {what}");
                    return ExitCodes.Success;
                }

                await host.Error.WriteLineAsync(meant.Count > 1
                    ? $"parler: {meant.Count} hubs {what}; stop the one you mean:"
                    : $"parler: no hub {what}; these run, stop the one you mean:");
                for (var i = 0; i < candidates.Count; i++)
                {
                    await host.Error.WriteLineAsync($"  {i + 1}. {candidates[i].Shown}, record {candidates[i].Record}: {StopLine(candidates[i])}");
                }

                hub = await AskAsync(host, candidates, cancellationToken);
                if (hub is null)
                {
                    return meant.Count > 1 ? ExitCodes.Ambiguous : ExitCodes.NotFound;
                }
            }

            await HubStopper.StopAsync(hub, host.Time, cancellationToken);
            await host.Error.WriteLineAsync($"parler: stopped the hub (pid {hub.Pid}) serving {hub.Record}{(hub.Address is { } at ? $" on {at}" : "")}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The hubs the options name, and how to say it when there are none.</summary>
    private static (IReadOnlyList<RunningHub> Meant, string What) Meant(
        CliContext context, string hubHome, IReadOnlyList<RunningHub> running, string? database, string? address)
    {
        if (address is not null)
        {
            try
            {
                HubHost.ParseAddress(address);
            }
            catch (ArgumentException ex)
            {
                throw new CliUsageException(ex.Message);
            }

            return (running.Where(hub => HubRuntime.SameAddress(hub.Address, address)).ToList(), $"listens on {address}");
        }

        if (database is not null && PostgresUrl.IsPostgres(database))
        {
            var shown = PostgresUrl.Redact(database);
            return (running.Where(hub => hub.Record == shown).ToList(), $"serves {shown}");
        }

        var record = Path.GetFullPath(database ?? Path.Combine(hubHome, "hub.db"));
        if (RecordLock.Serving(record) is { } serving)
        {
            return ([serving], "");
        }

        if (database is not null)
        {
            return (running.Where(hub => hub.Record == record).ToList(), $"serves {record}");
        }

        var configured = HubRuntime.AddressOf(context.HubUrl);
        return (running.Where(hub => HubRuntime.SameAddress(hub.Address, configured)).ToList(), $"serves {record} or listens on {configured}");
    }

    private static string StopLine(RunningHub hub) =>
        hub.Address is { } address ? $"parler hub stop --addr {address}" : $"parler hub stop --db {hub.Record}";

    /// <summary>At a terminal, asks which to stop; elsewhere (or on no answer) stops nothing.</summary>
    private static async Task<RunningHub?> AskAsync(CliHost host, IReadOnlyList<RunningHub> candidates, CancellationToken cancellationToken)
    {
        if (!host.Interactive || host.Input is null)
        {
            return null;
        }

        await host.Error.WriteAsync($"stop which? [1-{candidates.Count}, Enter: none] ");
        var answer = (await host.Input.ReadLineAsync(cancellationToken))?.Trim();
        return int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var pick) && pick >= 1 && pick <= candidates.Count
            ? candidates[pick - 1]
            : null;
    }
}

using System.CommandLine;
using Parler.Client;

namespace Parler.Cli.Commands;

/// <summary>
/// <c>parler hub stop [--db FILE]</c>: stops the hub that serves this machine's configured record (PARLER_HOME/hub.db,
/// the one 'parler connect' runs), or the one serving --db FILE, and waits until it has. When that one does not run
/// but others under PARLER_HOME do, it lists them with the line that stops each.
/// </summary>
internal static class HubStopCommand
{
    public static Command Create(CliHost host)
    {
        var database = new Option<string?>("--db") { Description = "the SQLite record whose hub to stop (default: PARLER_HOME/hub.db, the local hub)" };
        var command = new Command("stop", "Stop the hub serving this machine's record (or --db FILE), and wait until it has stopped") { database };
        command.Handle(host, async (context, cancellationToken) =>
        {
            var hubHome = LocalHub.HomeFor(context.Home) ?? context.Home;
            var record = Path.GetFullPath(context.ParseResult.GetValue(database) ?? Path.Combine(hubHome, "hub.db"));
            if (RecordLock.Serving(record) is not { } hub)
            {
                var others = HubStopper.Under(hubHome);
                if (others.Count == 0)
                {
                    await host.Error.WriteLineAsync($"parler: no hub serves {record}");
                    return ExitCodes.Success;
                }

                await host.Error.WriteLineAsync($"parler: no hub serves {record}; these run, stop the one you mean:");
                foreach (var other in others)
                {
                    await host.Error.WriteLineAsync($"  {other.Shown}: parler hub stop --db {other.Record}");
                }

                return ExitCodes.NotFound;
            }

            await HubStopper.StopAsync(hub, host.Time, cancellationToken);
            await host.Error.WriteLineAsync($"parler: stopped the hub (pid {hub.Pid}) serving {record}{(hub.Address is { } address ? $" on {address}" : "")}");
            return ExitCodes.Success;
        });
        return command;
    }
}

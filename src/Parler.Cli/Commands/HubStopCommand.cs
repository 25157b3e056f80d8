using System.CommandLine;
using System.Diagnostics;

namespace Parler.Cli.Commands;

/// <summary><c>parler hub stop [--db FILE]</c>: stops the hub that serves this SQLite record (default PARLER_HOME/hub.db), and waits until it has.</summary>
internal static class HubStopCommand
{
    public static Command Create(CliHost host)
    {
        var database = new Option<string?>("--db") { Description = "the SQLite record whose hub to stop (default: PARLER_HOME/hub.db)" };
        var command = new Command("stop", "Stop the hub serving this machine's record (or --db FILE), and wait until it has stopped") { database };
        command.Handle(host, async (context, cancellationToken) =>
        {
            var record = context.ParseResult.GetValue(database) ?? Path.Combine(context.Home, "hub.db");
            if (RecordLock.Holder(record) is not { } pid)
            {
                await host.Error.WriteLineAsync($"parler: no hub serves {Path.GetFullPath(record)}");
                return ExitCodes.Success;
            }

            Terminate(pid);
            var deadline = host.Time.GetUtcNow() + TimeSpan.FromSeconds(15);
            while (RecordLock.Holder(record) is not null)
            {
                if (host.Time.GetUtcNow() > deadline)
                {
                    throw new IOException($"the hub (pid {pid}) serving {Path.GetFullPath(record)} did not stop within 15 s; see its log, or end it with 'kill -9 {pid}'.");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), host.Time, cancellationToken);
            }

            await host.Error.WriteLineAsync($"parler: stopped the hub (pid {pid}) serving {Path.GetFullPath(record)}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>SIGTERM, so the hub drains and closes its record as on Ctrl+C (Windows has no such signal: the process ends).</summary>
    private static void Terminate(int pid)
    {
        if (OperatingSystem.IsWindows())
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            return;
        }

        var start = new ProcessStartInfo("kill") { ArgumentList = { "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        using var kill = Process.Start(start) ?? throw new IOException("could not run kill.");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new IOException($"could not signal the hub (pid {pid}); is it yours?");
        }
    }
}

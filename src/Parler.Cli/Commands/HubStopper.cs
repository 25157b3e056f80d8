using System.Diagnostics;
using System.Globalization;
using Parler.Hub.Storage.Postgres;

namespace Parler.Cli.Commands;

/// <summary>Stops a running hub and waits until it has let go of its record: for 'parler hub stop' and 'parler connect --team'.</summary>
internal static class HubStopper
{
    public static async Task StopAsync(RunningHub hub, TimeProvider time, CancellationToken cancellationToken)
    {
        Terminate(hub.Pid);
        var deadline = time.GetUtcNow() + TimeSpan.FromSeconds(15);
        while ((hub.HeldLock is { } held && RecordLock.IsHeld(held)) || (!PostgresUrl.IsPostgres(hub.Record) && RecordLock.Holder(hub.Record) is not null))
        {
            if (time.GetUtcNow() > deadline)
            {
                throw new IOException($"the hub (pid {hub.Pid}) serving {hub.Record} did not stop within 15 s; see its log, or end it with 'kill -9 {hub.Pid}'.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
        }
    }

    /// <summary>
    /// The hubs running from <paramref name="home"/> (each names itself there, on SQLite or PostgreSQL), and those serving
    /// a SQLite record under it that an older hub started (its own record, and any an agent's home holds).
    /// </summary>
    public static IReadOnlyList<RunningHub> Running(string home)
    {
        var named = HubRuntime.All(home);
        return named.Concat(Under(home).Where(hub => named.All(other => other.Pid != hub.Pid))).ToList();
    }

    private static IReadOnlyList<RunningHub> Under(string home)
    {
        if (!Directory.Exists(home))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 3, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(home, "*" + RecordLock.PidSuffix, options)
            .Select(pidFile => RecordLock.Serving(pidFile[..^RecordLock.PidSuffix.Length]))
            .OfType<RunningHub>()
            .OrderBy(hub => hub.Record, StringComparer.Ordinal)
            .ToList();
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

        var start = new ProcessStartInfo("kill") { ArgumentList = { "-TERM", pid.ToString(CultureInfo.InvariantCulture) } };
        using var kill = Process.Start(start) ?? throw new IOException("could not run kill.");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new IOException($"could not signal the hub (pid {pid}); is it yours?");
        }
    }
}

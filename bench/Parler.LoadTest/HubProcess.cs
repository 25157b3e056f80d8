using System.Diagnostics;

using Parler.Tests.Shared;

namespace Parler.LoadTest;

/// <summary>
/// A real <c>parler hub</c> child process on a free loopback port, with its own home and database; or the load test's
/// floor server, started the same way so both are measured alike.
/// </summary>
internal sealed class HubProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;

    private HubProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public Process Process => _process;

    public static Task<HubProcess> StartAsync(string root, CancellationToken cancellationToken) =>
        StartAsync(Path.Combine(root, "hub.db"), Path.Combine(root, "hubhome"), cancellationToken);

    /// <summary>A hub on <paramref name="database"/> (a SQLite file or a PostgreSQL URL) with its own home.</summary>
    public static Task<HubProcess> StartAsync(string database, string home, CancellationToken cancellationToken, string? executable = null)
    {
        var start = new ProcessStartInfo(executable ?? ExecutablePath());
        foreach (var argument in (string[])["hub", "--addr", $"127.0.0.1:{FreePort.Pick()}", "--db", database])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PARLER_HOME"] = home;
        // A load test is the abuser the quotas are for: it measures the hub, not the limits. The post quotas stay on, so
        // every post is charged as on a real hub, but far above what the load reaches.
        start.Environment["PARLER_HUB_MAX_POSTS_PER_AGENT"] = "1000000000";
        start.Environment["PARLER_HUB_MAX_POSTS_PER_ROOM"] = "1000000000";
        start.Environment["PARLER_HUB_MAX_SIGN_INS_PER_AGENT"] = "0";
        start.Environment["PARLER_HUB_MAX_SIGN_INS_PER_ADDRESS"] = "0";
        return LaunchAsync(start, "hub", cancellationToken);
    }

    /// <summary>This tool again, as the floor server (<see cref="FloorServer"/>), which announces its URL the same way.</summary>
    public static Task<HubProcess> StartFloorAsync(CancellationToken cancellationToken)
    {
        var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "Parler.LoadTest.exe" : "Parler.LoadTest");
        var start = File.Exists(apphost) ? new ProcessStartInfo(apphost) : new ProcessStartInfo("dotnet") { ArgumentList = { typeof(FloorServer).Assembly.Location } };
        start.ArgumentList.Add(FloorServer.Argument);
        start.ArgumentList.Add($"127.0.0.1:{FreePort.Pick()}");
        return LaunchAsync(start, "floor", cancellationToken);
    }

    private static async Task<HubProcess> LaunchAsync(ProcessStartInfo start, string label, CancellationToken cancellationToken)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the {label} process.");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line && !line.StartsWith("parler hub", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"[{label}] {line}");
            }
        };
        process.BeginErrorReadLine();
        try
        {
            var first = await process.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(StartTimeout, cancellationToken)
                ?? throw new InvalidOperationException($"The {label} process exited ({process.ExitCode}) before printing its URL.");
            return new HubProcess(process, new Uri(first.Trim() + "/"));
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop(_process);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The apphost built next to this tool by the project reference, or PARLER_BENCH_PARLER (an earlier build to compare).</summary>
    private static string ExecutablePath()
    {
        var path = Environment.GetEnvironmentVariable("PARLER_BENCH_PARLER") is { Length: > 0 } other
            ? other
            : Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "parler.exe" : "parler");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"No parler executable next to the load tool at {path}; build the solution first.");
    }
}

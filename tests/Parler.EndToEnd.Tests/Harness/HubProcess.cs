using System.Diagnostics;
using System.Globalization;

namespace Parler.EndToEnd.Tests.Harness;

/// <summary>A <c>parler hub</c> child process on a chosen loopback port and record (a SQLite file or a PostgreSQL URL).</summary>
public sealed class HubProcess : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private HubProcess(ChildProcess process, string url)
    {
        Process = process;
        Url = url;
    }

    public ChildProcess Process { get; }

    /// <summary>The URL the hub printed as its first stdout line.</summary>
    public string Url { get; }

    /// <summary>Starts a hub and returns once it prints its URL; retries while the port is still held by a hub that just died.</summary>
    public static async Task<HubProcess> StartAsync(string home, int port, string database, params string[] extra)
    {
        var environment = new Dictionary<string, string?> { ["PARLER_HOME"] = home, ["NO_COLOR"] = "1" };
        string[] arguments = ["hub", "--addr", $"127.0.0.1:{port}", "--db", database, .. extra];
        using var retry = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var process = ChildProcess.Start(ParlerCli.Executable, arguments, environment);
            try
            {
                var url = await process.WaitForOutputAsync(l => l.StartsWith("http://", StringComparison.Ordinal), StartTimeout, "the hub's URL");
                return new HubProcess(process, url);
            }
            catch (InvalidOperationException) when (clock.Elapsed < StartTimeout && process.Errors.Any(e => e.Contains("address already in use", StringComparison.OrdinalIgnoreCase)))
            {
                await process.DisposeAsync();
                await retry.WaitForNextTickAsync();
            }
            catch
            {
                await process.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>kill -9: the hub gets no chance to finish anything.</summary>
    public async Task KillAsync()
    {
        Process.Kill();
        await Process.WaitForExitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// What Ctrl+C does: SIGINT to the hub process. A runner without job control starts children with SIGINT
    /// ignored; then the hub is stopped with SIGTERM, which takes the same clean path.
    /// </summary>
    public async Task InterruptAsync()
    {
        var signal = IgnoresSigint() ? "-TERM" : "-INT";
        using var kill = System.Diagnostics.Process.Start("kill", [signal, Process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        kill.ExitCode.ShouldBe(0, $"kill {signal} failed");
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    /// <summary>Reads the signal mask the kernel reports: a process that inherited SIG_IGN for SIGINT never sees Ctrl+C.</summary>
    private bool IgnoresSigint()
    {
        var line = File.ReadLines($"/proc/{Process.Id}/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & 0b10) != 0;
    }
}

using System.Diagnostics;
using System.Net.Sockets;

using Parler.Tests.Shared;

namespace Parler.LoadTest;

/// <summary>Our own redis-server child on a free loopback port: AOF on, fsync on every write, no RDB snapshots.</summary>
internal sealed class RedisProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private RedisProcess(Process process, int port)
    {
        Process = process;
        Port = port;
    }

    public Process Process { get; }

    public int Port { get; }

    public static async Task<RedisProcess> StartAsync(string directory, CancellationToken cancellationToken)
    {
        var port = FreePort.Pick();
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            "--port", $"{port}", "--bind", "127.0.0.1", "--dir", directory, "--appendonly", "yes",
            "--appendfsync", "always", "--save", "", "--daemonize", "no", "--loglevel", "warning"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-server.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var redis = new RedisProcess(process, port);
        var deadline = Stopwatch.GetTimestamp() + (long)(StartTimeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                await using var probe = await RespConnection.ConnectAsync(port, cancellationToken);
                if (await probe.CommandAsync(["PING"], cancellationToken) is "PONG")
                {
                    return redis;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException or InvalidOperationException)
            {
                // Not listening or still loading; try again until the deadline.
            }

            if (process.HasExited || Stopwatch.GetTimestamp() > deadline)
            {
                await redis.DisposeAsync();
                throw new InvalidOperationException($"redis-server did not come up on port {port}.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
        }

        await Process.WaitForExitAsync();
        Process.Dispose();
    }

    private static string Executable()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(folder, "redis-server");
            if (folder.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            "redis-server is not installed. On Debian: apt-get install -y redis-server (or pass --skip-redis).");
    }
}

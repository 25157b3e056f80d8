using System.Diagnostics;
using System.Net;

namespace Parler.Client;

/// <summary>
/// Starts <c>parler hub</c> in the background, detached from the caller's terminal and stdio, with its log under the
/// hub's PARLER_HOME (its pid file is its record's own: <c>hub.db.hub-pid</c>), and waits until it answers. Used by
/// <c>parler connect</c> and by <c>parler mcp</c> when its local hub is not running.
/// </summary>
internal static class LocalHub
{
    public const string LogFile = "hub.log";

    /// <summary>
    /// Where the shared local hub keeps its record, pid and log for an agent wired by <c>parler connect</c>
    /// (PARLER_HOME = &lt;home&gt;/agents/&lt;host&gt;): &lt;home&gt;. Null for any other agent, which then never
    /// starts a hub by itself.
    /// </summary>
    public static string? HomeFor(string agentHome)
    {
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(agentHome)));
        return parent is not null && Path.GetFileName(parent) == "agents" ? Path.GetDirectoryName(parent) : null;
    }

    /// <summary>A hub this machine can start for itself: plain http on loopback.</summary>
    public static bool IsLocal(Uri hub) =>
        hub.Scheme == Uri.UriSchemeHttp
        && (hub.IsLoopback || (IPAddress.TryParse(hub.Host, out var address) && IPAddress.IsLoopback(address)));

    /// <summary>True when something at <paramref name="hub"/> answers like a Parler hub.</summary>
    public static async Task<bool> AnswersAsync(Uri hub, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(HubPin.Handler(hub)) { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri(HubPin.WithoutPin(hub), "/v1"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Net.Sockets.SocketException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Makes sure a hub answers at <paramref name="hub"/>: if none does, starts <c>executable hub</c> with
    /// <paramref name="arguments"/> and the given environment, then waits for it. Returns the pid it started, or null.
    /// </summary>
    public static async Task<int?> EnsureAsync(
        string executable, string hubHome, Uri hub, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (await AnswersAsync(hub, cancellationToken))
        {
            return null;
        }

        Core.IO.SecureFile.EnsurePrivateDirectory(hubHome);
        var deadline = time.GetUtcNow() + TimeSpan.FromSeconds(20);

        // Several agents may find the hub down at once: one starts it, the others wait on the lock and find it up.
        await using var gate = await LockAsync(Path.Combine(hubHome, "hub.lock"), deadline, time, cancellationToken);
        if (await AnswersAsync(hub, cancellationToken))
        {
            return null;
        }

        using var process = Start(executable, hubHome, arguments, environment);
        while (!await AnswersAsync(hub, cancellationToken))
        {
            if (process.HasExited || time.GetUtcNow() > deadline)
            {
                throw new IOException(
                    $"Started 'parler hub' for {hub} but it does not answer{(process.HasExited ? $" (it exited with {process.ExitCode})" : "")}; see {Path.Combine(hubHome, LogFile)}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }

        return process.Id;
    }

    private static async Task<FileStream> LockAsync(string path, DateTimeOffset deadline, TimeProvider time, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (time.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
            }
        }
    }

    private static Process Start(string executable, string hubHome, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var log = Path.Combine(hubHome, LogFile);
        ProcessStartInfo start;
        if (OperatingSystem.IsWindows())
        {
            // The hub writes to its log itself; its standard handles are pipes closed right after start, so it never
            // holds on to the caller's (for parler mcp, the JSON-RPC channel).
            start = new ProcessStartInfo(executable)
            {
                CreateNoWindow = true,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add("hub");
            start.ArgumentList.Add("--log");
            start.ArgumentList.Add(log);
        }
        else
        {
            // A new session (setsid) so the terminal's Ctrl+C and the caller's exit leave the hub running; its stdio
            // goes to the log so it never writes into the caller's pipes (for parler mcp that is the JSON-RPC channel).
            start = new ProcessStartInfo("/bin/sh");
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("""
                exec </dev/null >>"$PARLER_HUB_LOG" 2>&1
                if command -v setsid >/dev/null; then exec setsid "$0" hub "$@"; else exec "$0" hub "$@"; fi
                """);
            start.ArgumentList.Add(executable);
            start.Environment["PARLER_HUB_LOG"] = log;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.UseShellExecute = false;
        start.Environment["PARLER_HOME"] = hubHome;
        start.Environment.Remove("PARLER_HUB");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new IOException($"Could not start {executable} hub.");
        if (OperatingSystem.IsWindows())
        {
            process.StandardInput.Close();
            process.StandardOutput.Close();
            process.StandardError.Close();
        }

        return process;
    }
}

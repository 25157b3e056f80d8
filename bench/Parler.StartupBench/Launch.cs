using System.Diagnostics;
using System.Globalization;
using Parler.Tests.Shared;

namespace Parler.StartupBench;

/// <summary>Times one child process from its start: to its exit, to an MCP <c>initialize</c> answer, to a hub's first answer.</summary>
internal static class Launch
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static ProcessStartInfo Command(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment) =>
        ChildCommand.Create(file, arguments, environment.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value)));

    /// <summary>Start to exit, and the CPU time it used; a non-zero exit fails the run with what the command printed.</summary>
    public static async Task<Timing> ToExitAsync(ProcessStartInfo start)
    {
        var cpu = ChildCpu.WaitedMs();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        await process.WaitForExitAsync(timeout.Token);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}: {await output}{await errors}");
        }

        return new Timing(elapsed, ChildCpu.WaitedMs() - cpu);
    }

    /// <summary>Start to the answer of an MCP <c>initialize</c> sent on stdin at once, and the CPU time used by then.</summary>
    public static async Task<Timing> ToInitializeAsync(ProcessStartInfo start)
    {
        const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"startup-bench","version":"1"}}}""";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteLineAsync(Initialize);
        await process.StandardInput.FlushAsync();
        using var timeout = new CancellationTokenSource(Limit);
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains("\"id\":1", StringComparison.Ordinal) && line.Contains("\"result\"", StringComparison.Ordinal))
            {
                var elapsed = clock.Elapsed.TotalMilliseconds;
                var cpu = ChildCpu.RunningMs(process.Id);
                process.StandardInput.Close();
                await StopAsync(process);
                return new Timing(elapsed, cpu);
            }
        }

        await StopAsync(process);
        throw new InvalidOperationException($"{start.FileName} closed stdout without answering initialize.");
    }

    /// <summary>
    /// Start to the first answered <c>GET /v1</c> and the CPU time used by then, then the resident memory after it has
    /// idled for <paramref name="idle"/>, in KiB.
    /// </summary>
    public static async Task<(Timing Start, long RssKib)> HubAsync(ProcessStartInfo start, Uri url, TimeSpan idle)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            await AnsweredAsync(process, url);
            var elapsed = new Timing(clock.Elapsed.TotalMilliseconds, ChildCpu.RunningMs(process.Id));
            await Task.Delay(idle);
            return (elapsed, Rss(process.Id));
        }
        finally
        {
            await StopAsync(process);
        }
    }

    /// <summary>Polls <c>GET /v1</c> every millisecond until the hub answers.</summary>
    public static async Task AnsweredAsync(Process process, Uri url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(url, "/v1"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (process.HasExited || clock.Elapsed > Limit)
            {
                throw new InvalidOperationException($"the hub at {url} did not answer (exited: {process.HasExited}).");
            }

            await Task.Delay(1);
        }
    }

    private static long Rss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }
}

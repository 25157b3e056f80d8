using System.Diagnostics;
using System.Text.Json.Nodes;
using Parler.Cli.Connect;

namespace Parler.Cli.Tests.Connect;

/// <summary>Starts <c>parler mcp</c> exactly as a host would from its config entry, and drives it over JSON-RPC on stdio.</summary>
internal sealed class HostedMcp : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly Process _process;

    private HostedMcp(Process process) => _process = process;

    public static HostedMcp Start(McpEntry entry, string home)
    {
        var start = new ProcessStartInfo(entry.Command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in entry.Args)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("PARLER_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["HOME"] = home;
        foreach (var (key, value) in entry.Env)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return new HostedMcp(process);
    }

    /// <summary>initialize, initialized, then the parler_rooms tool (in the default profile; it signs in to the hub); returns the tool result.</summary>
    public async Task<JsonNode> WhoAmIAsync()
    {
        using var timeout = new CancellationTokenSource(Deadline);
        await SendAsync("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"host","version":"1"}}}""");
        await ReadAsync(1, timeout.Token);
        await SendAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        await SendAsync("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"parler_rooms","arguments":{}}}""");
        return await ReadAsync(2, timeout.Token);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    private async Task<JsonNode> ReadAsync(int id, CancellationToken cancellationToken)
    {
        while (await _process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (JsonNode.Parse(line) is { } message && message["id"]?.GetValue<int>() == id)
            {
                return message;
            }
        }

        throw new InvalidOperationException($"parler mcp closed stdout before answering request {id}.");
    }
}

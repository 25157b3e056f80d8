using System.Diagnostics;

namespace Parler.Cli.Connect;

/// <summary>Claude Code's own <c>claude mcp add/remove</c>, used instead of editing its file when it is on PATH.</summary>
internal static class ClaudeCli
{
    public static string? Find(AgentHost agent, Func<string, string?> environment)
    {
        if (agent.Cli is null || environment("PATH") is not { Length: > 0 } path)
        {
            return null;
        }

        var names = OperatingSystem.IsWindows() ? new[] { agent.Cli + ".exe", agent.Cli + ".cmd" } : [agent.Cli];
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    public static async Task AddAsync(string cli, McpEntry entry, CancellationToken cancellationToken)
    {
        await RunAsync(cli, ["mcp", "remove", "--scope", "user", HostFormat.ServerName], check: false, cancellationToken);
        List<string> add = ["mcp", "add", "--scope", "user", HostFormat.ServerName];
        foreach (var (key, value) in entry.Env)
        {
            add.AddRange(["-e", $"{key}={value}"]);
        }

        add.AddRange(["--", entry.Command, .. entry.Args]);
        await RunAsync(cli, add, check: true, cancellationToken);
    }

    public static Task RemoveAsync(string cli, CancellationToken cancellationToken) =>
        RunAsync(cli, ["mcp", "remove", "--scope", "user", HostFormat.ServerName], check: false, cancellationToken);

    private static async Task RunAsync(string cli, IReadOnlyList<string> arguments, bool check, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(cli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new IOException($"Could not run {cli}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (check && process.ExitCode != 0)
        {
            throw new IOException($"'{cli} {string.Join(' ', arguments.Take(5))}' failed ({process.ExitCode}): {(await error).Trim()} {(await output).Trim()}");
        }
    }
}

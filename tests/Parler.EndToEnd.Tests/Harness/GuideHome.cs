using Parler.Tests.Shared;

namespace Parler.EndToEnd.Tests.Harness;

/// <summary>
/// A newcomer's machine as the guide finds it: a HOME of our own with Cursor installed, PARLER_HOME left to its default
/// (~/.parler), and a free loopback port for the local hub 'parler connect' starts. Stops every hub it left running.
/// </summary>
public sealed class GuideHome : IAsyncDisposable
{
    public GuideHome()
    {
        Directory.CreateDirectory(Path.Combine(Root, ".cursor"));
        File.WriteAllText(Path.Combine(Root, ".cursor", "mcp.json"), "{}\n");
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("parler-guide-home-").FullName;

    public string ParlerHome => Path.Combine(Root, ".parler");

    public string LocalHub { get; } = $"http://127.0.0.1:{FreePort.Pick()}";

    public async Task<CliRun> RunAsync(params string[] arguments)
    {
        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = Root,
            ["XDG_CONFIG_HOME"] = null,
            ["PARLER_HOME"] = null,
            ["PARLER_HUB"] = LocalHub,
            ["NO_COLOR"] = "1",
        };
        await using var process = ChildProcess.Start(ParlerCli.Executable, arguments, environment);
        var exit = await process.WaitForExitAsync(ParlerCli.CommandTimeout);
        return new CliRun(arguments, exit, process.Output, process.Errors);
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("hub", "stop");
        Directory.Delete(Root, recursive: true);
    }
}

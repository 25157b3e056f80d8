using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary>The guide's "Install and wire everything" commands with the built binary, against a HOME of our own.</summary>
public sealed class ConnectGuideTests(HubFixture fixture) : IClassFixture<HubFixture>, IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("parler-connect-home-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Guide_ListPrintConnectRemove_WorkAsWrittenAndLeaveTheOriginals()
    {
        var cursor = Path.Combine(_home, ".cursor", "mcp.json");
        var codex = Path.Combine(_home, ".codex", "config.toml");
        Directory.CreateDirectory(Path.GetDirectoryName(cursor)!);
        Directory.CreateDirectory(Path.GetDirectoryName(codex)!);
        const string cursorText = "{\n  // mine\n  \"mcpServers\": { \"x\": { \"command\": \"x\" } }\n}\n";
        const string codexText = "model = \"o3\"\n";
        await File.WriteAllTextAsync(cursor, cursorText);
        await File.WriteAllTextAsync(codex, codexText);
        var home = new Dictionary<string, string?> { ["HOME"] = _home, ["XDG_CONFIG_HOME"] = null };

        var printed = await RunWithHomeAsync(home, "connect", "--print");
        printed.ExitCode.ShouldBe(0, printed.ToString());
        printed.Out.ShouldContain("[mcp_servers.parler]");
        (await File.ReadAllTextAsync(cursor)).ShouldBe(cursorText);

        var connected = await RunWithHomeAsync(home, "connect");
        connected.ExitCode.ShouldBe(0, connected.ToString());
        connected.Error.ShouldContain($"hub: {fixture.HubUrl}");

        var listed = await RunWithHomeAsync(home, "connect", "--list");
        listed.Lines.ShouldContain(l => l.StartsWith("Cursor", StringComparison.Ordinal) && l.Contains("connected", StringComparison.Ordinal) && l.Contains(fixture.HubUrl, StringComparison.Ordinal), listed.ToString());
        listed.Lines.ShouldContain(l => l.StartsWith("Codex", StringComparison.Ordinal) && l.Contains("connected", StringComparison.Ordinal), listed.ToString());

        var doctor = await RunWithHomeAsync(home, "doctor");
        doctor.Out.ShouldContain($"ok   Cursor: connected to {fixture.HubUrl}");

        var removed = await RunWithHomeAsync(home, "connect", "--remove");
        removed.ExitCode.ShouldBe(0, removed.ToString());
        (await File.ReadAllTextAsync(cursor)).ShouldBe(cursorText);
        (await File.ReadAllTextAsync(codex)).ShouldBe(codexText);
    }

    private async Task<CliRun> RunWithHomeAsync(Dictionary<string, string?> home, params string[] arguments)
    {
        var environment = new Dictionary<string, string?>(home)
        {
            ["PARLER_HUB"] = fixture.HubUrl,
            ["NO_COLOR"] = "1",
        };
        await using var process = ChildProcess.Start(ParlerCli.Executable, arguments, environment);
        var exit = await process.WaitForExitAsync(ParlerCli.CommandTimeout);
        return new CliRun(arguments, exit, process.Output, process.Errors);
    }
}

using Parler.Cli.Connect;

namespace Parler.Cli.Tests.Connect;

/// <summary>Claude Code wired through its own CLI: a fake <c>claude</c> on PATH records the arguments it gets.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ClaudeCliTests : IClassFixture<CliHarness>, IDisposable
{
    private readonly CliHarness _hub;
    private readonly SampleHome _home = new(everyHost: false);

    public ClaudeCliTests(CliHarness hub) => _hub = hub;

    public void Dispose() => _home.Dispose();

    private string FakeClaude(out string log)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_home.Root, "bin")).FullName;
        log = Path.Combine(bin, "argv.log");
        File.WriteAllText(Path.Combine(bin, "claude"), "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> \"" + log + "\"; done\necho --- >> \"" + log + "\"\n");
        File.SetUnixFileMode(Path.Combine(bin, "claude"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return bin;
    }

    [Fact]
    public async Task Connect_ClaudeOnPathButNoClaudeFiles_StillWiresClaudeCode()
    {
        File.Delete(Path.Combine(_home.Root, ".claude.json"));
        var bin = FakeClaude(out var log);

        var result = await CliHarness.RunWithAsync(_home.Environment(_hub.HubUrl, bin), "connect");

        result.Out.ShouldContain("Claude Code     written");
        File.ReadAllText(log).ShouldContain("mcp\nadd\n");
        File.Exists(Path.Combine(_home.Root, ".claude.json")).ShouldBeFalse();
    }

    [Fact]
    public async Task Connect_WithClaudeOnPath_UsesClaudeMcpAddAndLeavesItsFileAlone()
    {
        var bin = FakeClaude(out var log);
        var before = _home.Read(".claude.json");

        var result = await CliHarness.RunWithAsync(_home.Environment(_hub.HubUrl, bin), "connect");

        _home.Read(".claude.json").ShouldBe(before);
        var calls = File.ReadAllText(log).Split("---\n", StringSplitOptions.RemoveEmptyEntries);
        calls.Length.ShouldBe(2, result.ToString());
        calls[0].ShouldBe("mcp\nremove\n--scope\nuser\nparler\n");
        var add = calls[1].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        add[..5].ShouldBe(["mcp", "add", "--scope", "user", "parler"]);
        add.ShouldContain($"PARLER_HOME={_home.ParlerHome}/agents/claude-code");
        add.ShouldContain($"PARLER_HUB={_hub.HubUrl}");
        add[^3..].ShouldBe(["--", ConfigFile.ReadEntry(_home.Host("cursor"))!.Command, "mcp"]);
    }
}

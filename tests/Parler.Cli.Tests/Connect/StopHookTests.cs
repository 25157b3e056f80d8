using Parler.Cli.Connect;

namespace Parler.Cli.Tests.Connect;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StopHookTests : IClassFixture<CliHarness>, IDisposable
{
    private const string Settings = ".claude/settings.json";
    private const string UserSettings = "{\n  // mine\n  \"model\": \"opus\",\n  \"hooks\": {\n    \"PreToolUse\": [] /* keep */\n  }\n}\n";

    private readonly CliHarness _hub;
    private readonly SampleHome _home = new(everyHost: false);

    public StopHookTests(CliHarness hub) => _hub = hub;

    public void Dispose() => _home.Dispose();

    private Task<CliResult> RunAsync(params string[] args) => CliHarness.RunWithAsync(_home.Environment(_hub.HubUrl), args);

    [Fact]
    public async Task Connect_ClaudeSettingsWithHooks_WritesTheStopHookAndRemoveRestoresByteForByte()
    {
        _home.Write(Settings, UserSettings);
        var original = _home.Snapshot();

        var wired = await RunAsync("connect");

        wired.Out.ShouldContain("Claude Code (Stop hook) written");
        wired.Error.ShouldContain("--dangerously-load-development-channels server:parler");
        var executable = ConfigFile.ReadEntry(_home.Host("claude-code"))!.Command;
        var home = Path.Combine(_home.ParlerHome, "agents", "claude-code");
        var line = $"PARLER_HOME='{home}' PARLER_HUB='{_hub.HubUrl}' PARLER_NAME='claude-code' '{executable}' hook stop";
        _home.Read(Settings).ShouldBe(
            "{\n  // mine\n  \"model\": \"opus\",\n  \"hooks\": {\n    \"PreToolUse\": [], /* keep */\n    \"Stop\": [\n      {\n        \"hooks\": [\n          {\n"
            + $"            \"type\": \"command\",\n            \"command\": \"{line}\",\n            \"timeout\": 90\n          }}\n        ]\n      }}\n    ]\n  }}\n}}\n");
        (await RunAsync("connect")).Out.ShouldContain("Claude Code (Stop hook) unchanged");
        (await RunAsync("doctor")).Out.ShouldContain("ok   Claude Code wake path: Stop hook (parler hook stop;");

        var removed = await RunAsync("connect", "--remove");

        removed.Out.ShouldContain("Claude Code (Stop hook) restored");
        var after = _home.Snapshot();
        after.Keys.Order().ShouldBe(original.Keys.Order());
        foreach (var (path, bytes) in original)
        {
            after[path].ShouldBe(bytes, path);
        }
    }

    [Fact]
    public async Task Connect_NoClaudeSettings_CreatesThemAndRemoveDeletesThem()
    {
        await RunAsync("connect");
        File.Exists(Path.Combine(_home.Root, Settings)).ShouldBeTrue();

        (await RunAsync("connect", "--remove")).Out.ShouldContain("Claude Code (Stop hook) deleted");

        File.Exists(Path.Combine(_home.Root, Settings)).ShouldBeFalse();
    }

    [Fact]
    public async Task Connect_UsersOwnStopHooks_LeftUntouchedWithTheLineToAdd()
    {
        var own = "{\"hooks\": {\"Stop\": [{\"hooks\": [{\"type\": \"command\", \"command\": \"notify-send done\"}]}]}}";
        _home.Write(Settings, own);

        var wired = await RunAsync("connect");

        wired.ExitCode.ShouldBe(0, wired.ToString());
        wired.Error.ShouldContain("already has Stop hooks of its own; add this command to them by hand:");
        _home.Read(Settings).ShouldBe(own);
        (await RunAsync("doctor")).Out.ShouldContain("Claude Code wake path: waiting read only");
        (await RunAsync("connect", "--remove")).ExitCode.ShouldBe(0);
        _home.Read(Settings).ShouldBe(own);
    }
}

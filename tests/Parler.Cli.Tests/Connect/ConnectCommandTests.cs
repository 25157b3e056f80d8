using System.Text.Json.Nodes;
using Parler.Cli.Connect;

namespace Parler.Cli.Tests.Connect;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ConnectCommandTests : IClassFixture<CliHarness>, IDisposable
{
    private readonly CliHarness _hub;
    private readonly SampleHome _home = new();

    public ConnectCommandTests(CliHarness hub) => _hub = hub;

    public void Dispose() => _home.Dispose();

    private Task<CliResult> RunAsync(params string[] args) => CliHarness.RunWithAsync(_home.Environment(_hub.HubUrl), args);

    [Fact]
    public async Task Connect_SampleHome_WiresEveryHostMergingAndLeavesTheMalformedFileUntouched()
    {
        var before = _home.Snapshot();
        var result = await RunAsync("connect");

        result.ExitCode.ShouldBe(ExitCodes.Failure, result.ToString());
        var malformed = _home.Host(SampleHome.Malformed).ConfigPath;
        result.Error.ShouldContain($"{malformed} was left untouched: it is not valid JSON");
        File.ReadAllBytes(malformed).ShouldBe(before[Path.GetRelativePath(_home.Root, malformed)]);
        File.Exists(ConfigFile.BackupOf(malformed)).ShouldBeFalse();
        foreach (var host in _home.Hosts.Where(h => h.Id != SampleHome.Malformed))
        {
            var entry = ConfigFile.ReadEntry(host).ShouldNotBeNull(host.Id);
            entry.Args.ShouldBe(["mcp"]);
            Path.IsPathRooted(entry.Command).ShouldBeTrue();
            entry.EnvValue("PARLER_HOME").ShouldBe(Path.Combine(_home.ParlerHome, "agents", host.Id));
            entry.EnvValue("PARLER_HUB").ShouldBe(_hub.HubUrl);
            File.Exists(Path.Combine(_home.ParlerHome, "agents", host.Id, "identity.json")).ShouldBeTrue();
            result.Out.ShouldContain(host.ConfigPath);
        }

        var command = ConfigFile.ReadEntry(_home.Host("cursor"))!.Command;
        _home.Read(".cursor/mcp.json").ShouldBe(
            "{\n  // servers I use\n  \"mcpServers\": {\n    \"other\": { \"command\": \"x\", \"args\": [] }, /* keep */\n    \"parler\": {\n"
            + $"      \"command\": \"{command}\",\n      \"args\": [\n        \"mcp\"\n      ],\n      \"env\": {{\n"
            + $"        \"PARLER_HOME\": \"{_home.ParlerHome}/agents/cursor\",\n        \"PARLER_HUB\": \"{_hub.HubUrl}\",\n        \"PARLER_NAME\": \"cursor\"\n      }}\n    }},\n  }},\n}}\n");
        _home.Read(".codex/config.toml").ShouldBe(
            before[".codex/config.toml"].Utf8() + $"\n[mcp_servers.parler]\ncommand = \"{command}\"\nargs = [\"mcp\"]\n\n[mcp_servers.parler.env]\n"
            + $"PARLER_HOME = \"{_home.ParlerHome}/agents/codex\"\nPARLER_HUB = \"{_hub.HubUrl}\"\nPARLER_NAME = \"codex\"\n");
        _home.Read(".config/Code/User/mcp.json").ShouldContain("\t\t\"fetch\": {\"type\": \"stdio\", \"command\": \"uvx\", \"args\": [\"mcp-server-fetch\"]},\r\n\t\t\"parler\": {\r\n\t\t\t\"type\": \"stdio\",");
        _home.Read(".config/zed/settings.json").ShouldStartWith("// Zed settings\n{\n  \"ui_font_size\": 16, // big\n");
        File.Exists(_home.Host("cline").ConfigPath).ShouldBeTrue();
    }

    [Fact]
    public async Task Connect_SecondRun_ChangesNothing()
    {
        await RunAsync("connect");
        var first = _home.Snapshot();

        var again = await RunAsync("connect");

        var second = _home.Snapshot();
        second.Keys.Order().ShouldBe(first.Keys.Order());
        foreach (var (path, bytes) in first)
        {
            second[path].ShouldBe(bytes, path);
        }

        again.Lines.Count(l => l.Contains(" unchanged ")).ShouldBe(_home.Hosts.Count, again.ToString()); // every host but the malformed one, plus Claude Code's Stop hook
    }

    [Fact]
    public async Task Remove_AfterConnect_RestoresEveryOriginalByteForByte()
    {
        var original = _home.Snapshot();
        await RunAsync("connect");
        await RunAsync("connect", "--hub", _hub.HubUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));

        var removed = await RunAsync("connect", "--remove");

        removed.ExitCode.ShouldBe(ExitCodes.Failure, removed.ToString());
        removed.Error.ShouldContain(_home.Host(SampleHome.Malformed).ConfigPath);
        var after = _home.Snapshot();
        after.Keys.Order().ShouldBe(original.Keys.Order());
        foreach (var (path, bytes) in original)
        {
            after[path].ShouldBe(bytes, path);
        }
    }

    [Fact]
    public async Task Remove_WhenTheUserChangedTheFileSince_TakesOutOnlyOurEntry()
    {
        await RunAsync("connect");
        var path = _home.Host("cursor").ConfigPath;
        File.WriteAllText(path, File.ReadAllText(path).Replace("// servers I use", "// servers I use, and a new note"));

        (await RunAsync("connect", "--remove")).Out.ShouldContain("Cursor          removed");

        File.ReadAllText(path).ShouldBe("{\n  // servers I use, and a new note\n  \"mcpServers\": {\n    \"other\": { \"command\": \"x\", \"args\": [] }, /* keep */\n  },\n}\n");
    }

    [Fact]
    public async Task Print_ChangesNothingAndShowsEachHostsSnippet()
    {
        var before = _home.Snapshot();

        var printed = await RunAsync("connect", "--print");

        printed.ExitCode.ShouldBe(0, printed.ToString());
        _home.Snapshot().Keys.Order().ShouldBe(before.Keys.Order());
        Directory.Exists(_home.ParlerHome).ShouldBeFalse();
        printed.Out.ShouldContain("# Codex: " + _home.Host("codex").ConfigPath + "\n[mcp_servers.parler]");
        printed.Out.ShouldContain("\"context_servers\": {\n    \"parler\": {\n      \"source\": \"custom\"");
        printed.Out.ShouldContain("\"type\": \"local\"");
        printed.Out.ShouldContain($"# Claude Code (Stop hook): {Path.Combine(_home.Root, ".claude", "settings.json")}\n{{\n  \"hooks\": {{\n    \"Stop\": [");
        printed.Out.ShouldContain("' hook stop\",\n");
    }

    [Fact]
    public async Task List_Json_ReportsDetectedConnectedHubAndPath()
    {
        await RunAsync("connect");
        File.Delete(_home.Host("gemini").ConfigPath);
        Directory.Delete(Path.GetDirectoryName(_home.Host("gemini").ConfigPath)!, recursive: true);

        var listed = await RunAsync("connect", "--list", "--json");

        var rows = JsonNode.Parse(listed.Out)!.AsArray().ToDictionary(r => (string)r!["host"]!);
        rows.Count.ShouldBe(10);
        rows["cursor"]!["connected"]!.GetValue<bool>().ShouldBeTrue();
        rows["cursor"]!["hub"]!.GetValue<string>().ShouldBe(_hub.HubUrl);
        rows["cursor"]!["config"]!.GetValue<string>().ShouldBe(_home.Host("cursor").ConfigPath);
        rows["gemini"]!["detected"]!.GetValue<bool>().ShouldBeFalse();
        rows["gemini"]!["connected"]!.GetValue<bool>().ShouldBeFalse();
        rows[SampleHome.Malformed]!["error"]!.GetValue<string>().ShouldContain("not valid JSON");
    }

    [Fact]
    public async Task Connect_ExistingFileMode_IsKept()
    {
        var path = _home.Host("gemini").ConfigPath;
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await RunAsync("connect");

        File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.GetUnixFileMode(Path.Combine(_home.ParlerHome, "agents", "gemini", "identity.json")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task ConnectLocal_WithARemoteHub_IsAUsageErrorAndChangesNothing()
    {
        var before = _home.Snapshot();

        var result = await RunAsync("connect", "--local", "--hub", "http://10.1.2.3:7070");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.Error.ShouldContain("--local keeps the hub on this machine");
        _home.Snapshot().Keys.Order().ShouldBe(before.Keys.Order());
    }
}

using Parler.Cli.Connect;

namespace Parler.Cli.Tests.Connect;

public sealed class HostTableTests
{
    private static Dictionary<string, string> Paths(HostPlatform platform, Dictionary<string, string?> environment) =>
        HostTable.For(HostDirectories.From(platform, name => environment.GetValueOrDefault(name)))
            .ToDictionary(h => h.Id, h => h.ConfigPath.Replace('\\', '/'));

    [Fact]
    public void For_Linux_UsesHomeAndXdgConfig()
    {
        var paths = Paths(HostPlatform.Linux, new() { ["HOME"] = "/h", ["XDG_CONFIG_HOME"] = "/x" });
        paths["claude-code"].ShouldBe("/h/.claude.json");
        paths["codex"].ShouldBe("/h/.codex/config.toml");
        paths["cursor"].ShouldBe("/h/.cursor/mcp.json");
        paths["windsurf"].ShouldBe("/h/.codeium/windsurf/mcp_config.json");
        paths["gemini"].ShouldBe("/h/.gemini/settings.json");
        paths["claude-desktop"].ShouldBe("/x/Claude/claude_desktop_config.json");
        paths["vscode"].ShouldBe("/x/Code/User/mcp.json");
        paths["cline"].ShouldBe("/x/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json");
        paths["opencode"].ShouldBe("/x/opencode/opencode.json");
        paths["zed"].ShouldBe("/x/zed/settings.json");
    }

    [Fact]
    public void For_MacOS_UsesApplicationSupport()
    {
        var paths = Paths(HostPlatform.MacOS, new() { ["HOME"] = "/Users/a" });
        paths["claude-desktop"].ShouldBe("/Users/a/Library/Application Support/Claude/claude_desktop_config.json");
        paths["vscode"].ShouldBe("/Users/a/Library/Application Support/Code/User/mcp.json");
        paths["cline"].ShouldBe("/Users/a/Library/Application Support/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json");
        paths["zed"].ShouldBe("/Users/a/.config/zed/settings.json");
        paths["opencode"].ShouldBe("/Users/a/.config/opencode/opencode.json");
        paths["cursor"].ShouldBe("/Users/a/.cursor/mcp.json");
    }

    [Fact]
    public void For_Windows_UsesAppDataAndUserProfile()
    {
        var paths = Paths(HostPlatform.Windows, new() { ["USERPROFILE"] = "C:/Users/a", ["APPDATA"] = "C:/Users/a/AppData/Roaming" });
        paths["claude-code"].ShouldBe("C:/Users/a/.claude.json");
        paths["claude-desktop"].ShouldBe("C:/Users/a/AppData/Roaming/Claude/claude_desktop_config.json");
        paths["vscode"].ShouldBe("C:/Users/a/AppData/Roaming/Code/User/mcp.json");
        paths["zed"].ShouldBe("C:/Users/a/AppData/Roaming/Zed/settings.json");
        paths["opencode"].ShouldBe("C:/Users/a/.config/opencode/opencode.json");
        paths["codex"].ShouldBe("C:/Users/a/.codex/config.toml");
    }

    [Fact]
    public void For_EveryPlatform_CoversTheTenHosts()
    {
        foreach (var platform in Enum.GetValues<HostPlatform>())
        {
            Paths(platform, new() { ["HOME"] = "/h" }).Keys.ShouldBe(
                ["claude-code", "codex", "cursor", "windsurf", "gemini", "claude-desktop", "vscode", "cline", "opencode", "zed"]);
        }
    }
}

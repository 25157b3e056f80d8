namespace Parler.Cli.Connect;

/// <summary>Every host Parler knows, at its locations on one platform.</summary>
internal static class HostTable
{
    public static IReadOnlyList<AgentHost> For(HostDirectories dirs)
    {
        var home = dirs.Home;
        var app = dirs.AppConfig;
        var vsCodeUser = Path.Combine(app, "Code", "User");
        var cline = Path.Combine(vsCodeUser, "globalStorage", "saoudrizwan.claude-dev");
        var openCode = dirs.Platform == HostPlatform.Windows ? Path.Combine(home, ".config", "opencode") : Path.Combine(dirs.XdgConfig, "opencode");
        var zed = dirs.Platform switch
        {
            HostPlatform.Windows => Path.Combine(app, "Zed"),
            HostPlatform.MacOS => Path.Combine(home, ".config", "zed"),
            _ => Path.Combine(dirs.XdgConfig, "zed"),
        };
        return
        [
            new("claude-code", "Claude Code", Path.Combine(home, ".claude.json"), [Path.Combine(home, ".claude")], McpServersFormat.Instance, "claude"),
            new("codex", "Codex", Path.Combine(home, ".codex", "config.toml"), [Path.Combine(home, ".codex")], CodexFormat.Instance),
            new("cursor", "Cursor", Path.Combine(home, ".cursor", "mcp.json"), [Path.Combine(home, ".cursor")], McpServersFormat.Instance),
            new("windsurf", "Windsurf", Path.Combine(home, ".codeium", "windsurf", "mcp_config.json"),
                [Path.Combine(home, ".codeium", "windsurf")], McpServersFormat.Instance),
            new("gemini", "Gemini CLI", Path.Combine(home, ".gemini", "settings.json"), [Path.Combine(home, ".gemini")], McpServersFormat.Instance),
            new("claude-desktop", "Claude Desktop", Path.Combine(app, "Claude", "claude_desktop_config.json"),
                [Path.Combine(app, "Claude")], McpServersFormat.Instance),
            new("vscode", "VS Code", Path.Combine(vsCodeUser, "mcp.json"), [vsCodeUser], VsCodeFormat.Instance),
            new("cline", "Cline", Path.Combine(cline, "settings", "cline_mcp_settings.json"), [cline], McpServersFormat.Instance),
            new("opencode", "OpenCode", Path.Combine(openCode, "opencode.json"), [openCode], OpenCodeFormat.Instance),
            new("zed", "Zed", Path.Combine(zed, "settings.json"), [zed], ZedFormat.Instance),
        ];
    }
}

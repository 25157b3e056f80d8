using Parler.Cli.Connect;

namespace Parler.Cli.Tests.Connect;

/// <summary>A temporary HOME holding a config for every host: other servers, comments, odd formatting, one malformed file.</summary>
public sealed class SampleHome : IDisposable
{
    public const string Malformed = "windsurf";

    public SampleHome(bool everyHost = true)
    {
        Root = Directory.CreateTempSubdirectory("parler-home-").FullName;
        EmptyPath = Directory.CreateDirectory(Path.Combine(Root, "empty-path")).FullName;
        Write(".claude.json", "{\"numStartups\": 3, \"mcpServers\": {\"github\": {\"command\": \"gh-mcp\"}}, \"projects\": {}}");
        Write(".codex/config.toml", "# Codex settings\nmodel = \"o3\"  # fast\n\n[mcp_servers.docs]\ncommand = \"docs-mcp\"\nargs = [\n  \"--port\", # why not\n  \"1\",\n]\n\n[tui]\nnotifications = true\n");
        Write(".cursor/mcp.json", "{\n  // servers I use\n  \"mcpServers\": {\n    \"other\": { \"command\": \"x\", \"args\": [] }, /* keep */\n  },\n}\n");
        if (everyHost)
        {
            Write(".codeium/windsurf/mcp_config.json", "{\"mcpServers\": {\"a\": }\n");
            Write(".gemini/settings.json", "{\n    \"theme\": \"GitHub\",\n    \"selectedAuthType\": \"oauth-personal\"\n}\n");
            Write(".config/Claude/claude_desktop_config.json", "{}");
            Write(".config/Code/User/mcp.json", "{\r\n\t\"inputs\": [],\r\n\t\"servers\": {\r\n\t\t\"fetch\": {\"type\": \"stdio\", \"command\": \"uvx\", \"args\": [\"mcp-server-fetch\"]}\r\n\t}\r\n}\r\n");
            Directory.CreateDirectory(Path.Combine(Root, ".config/Code/User/globalStorage/saoudrizwan.claude-dev"));
            Write(".config/opencode/opencode.json", "{\n  \"$schema\": \"https://opencode.ai/config.json\",\n  \"mcp\": {}\n}\n");
        }

        Write(".config/zed/settings.json", "// Zed settings\n{\n  \"ui_font_size\": 16, // big\n  \"context_servers\": {\n    \"other\": {\"source\": \"custom\", \"command\": \"o\"}\n  }\n}\n");
    }

    public string Root { get; }

    /// <summary>A PATH with no <c>claude</c> on it.</summary>
    public string EmptyPath { get; }

    public string ParlerHome => Path.Combine(Root, ".parler");

    internal IReadOnlyList<AgentHost> Hosts => HostTable.For(HostDirectories.From(HostPlatform.Linux, name => Environment(null).GetValueOrDefault(name)));

    internal AgentHost Host(string id) => Hosts.Single(h => h.Id == id);

    public Dictionary<string, string?> Environment(string? hub, string? path = null) => new()
    {
        ["HOME"] = Root,
        ["PATH"] = path ?? EmptyPath,
        ["PARLER_HUB"] = hub,
        ["NO_COLOR"] = "1",
    };

    /// <summary>Every file under HOME (except agent homes and hub state) with its bytes.</summary>
    public Dictionary<string, byte[]> Snapshot() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(ParlerHome, StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(Root, f), File.ReadAllBytes);

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

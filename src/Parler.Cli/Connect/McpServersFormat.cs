using System.Text.Json.Nodes;

namespace Parler.Cli.Connect;

/// <summary>The common shape: <c>"mcpServers": { "parler": { "command", "args", "env" } }</c> (Claude, Cursor, Windsurf, Gemini, Cline).</summary>
internal sealed class McpServersFormat : JsonHostFormat
{
    public static McpServersFormat Instance { get; } = new();

    protected override IReadOnlyList<string> Container { get; } = ["mcpServers"];

    protected override JsonObject Shape(McpEntry entry) =>
        new() { ["command"] = entry.Command, ["args"] = Array(entry.Args), ["env"] = Env(entry) };
}

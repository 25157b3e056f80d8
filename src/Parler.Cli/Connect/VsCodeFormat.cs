using System.Text.Json.Nodes;

namespace Parler.Cli.Connect;

/// <summary>VS Code's user <c>mcp.json</c>: <c>"servers": { "parler": { "type": "stdio", ... } }</c>.</summary>
internal sealed class VsCodeFormat : JsonHostFormat
{
    public static VsCodeFormat Instance { get; } = new();

    protected override IReadOnlyList<string> Container { get; } = ["servers"];

    protected override JsonObject Shape(McpEntry entry) =>
        new() { ["type"] = "stdio", ["command"] = entry.Command, ["args"] = Array(entry.Args), ["env"] = Env(entry) };
}

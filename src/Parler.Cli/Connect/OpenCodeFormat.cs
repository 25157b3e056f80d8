using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parler.Cli.Connect;

/// <summary>OpenCode's <c>opencode.json</c>: <c>"mcp": { "parler": { "type": "local", "command": [..], "environment" } }</c>.</summary>
internal sealed class OpenCodeFormat : JsonHostFormat
{
    public static OpenCodeFormat Instance { get; } = new();

    protected override IReadOnlyList<string> Container { get; } = ["mcp"];

    protected override string EnvKey => "environment";

    protected override JsonObject Shape(McpEntry entry) => new()
    {
        ["type"] = "local",
        ["command"] = Array([entry.Command, .. entry.Args]),
        ["enabled"] = true,
        ["environment"] = Env(entry),
    };

    protected override (string Command, IReadOnlyList<string> Args) Command(JsonElement value)
    {
        if (!value.TryGetProperty("command", out var command) || command.ValueKind != JsonValueKind.Array || command.GetArrayLength() == 0)
        {
            return ("", []);
        }

        var parts = command.EnumerateArray().Select(a => a.ToString()).ToList();
        return (parts[0], parts[1..]);
    }
}

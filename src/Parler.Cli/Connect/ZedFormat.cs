using System.Text.Json.Nodes;

namespace Parler.Cli.Connect;

/// <summary>Zed's <c>settings.json</c> (JSONC): <c>"context_servers": { "parler": { "source": "custom", ... } }</c>.</summary>
internal sealed class ZedFormat : JsonHostFormat
{
    public static ZedFormat Instance { get; } = new();

    protected override IReadOnlyList<string> Container { get; } = ["context_servers"];

    protected override JsonObject Shape(McpEntry entry) =>
        new() { ["source"] = "custom", ["command"] = entry.Command, ["args"] = Array(entry.Args), ["env"] = Env(entry) };
}

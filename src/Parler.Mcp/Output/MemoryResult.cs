using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Parler.Mcp.Output;

/// <summary>A recall for a model: every remembered note framed as peer content, since any member may have written it.</summary>
internal static class MemoryResult
{
    public static string Of(JsonObject recall)
    {
        var memories = recall["memories"]?.AsArray() ?? [];
        var output = new StringBuilder();
        output.Append(CultureInfo.InvariantCulture, $"Memory {recall["scope"]}: {memories.Count} match(es)");
        output.Append(memories.Count == 0 ? "." : ", best first:");
        var frame = new PeerContent();
        foreach (var memory in memories.OfType<JsonObject>())
        {
            var key = memory["key"]?.GetValue<string>() is { } k ? $" key={PeerContent.Quote(k)}" : "";
            var attributes = $"seq={memory["seq"]} from={PeerContent.Quote(Text(memory, "author_name"))} agent={Text(memory, "author_id")} at={Text(memory, "at")}{key}";
            output.Append('\n').Append(frame.Frame(attributes, Text(memory, "text")));
        }

        return output.ToString();
    }

    private static string Text(JsonObject memory, string name) => memory[name]?.GetValue<string>() ?? "";
}

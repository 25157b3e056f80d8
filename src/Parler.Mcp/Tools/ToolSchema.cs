using System.Text.Json;
using System.Text.Json.Nodes;
using Parler.Contract;

namespace Parler.Mcp.Tools;

/// <summary>What a tool's input schema takes from the action's source-generated contract: its field names and which are required.</summary>
internal static class ToolSchema
{
    public static IReadOnlyList<string> FieldNames(ActionContract action) =>
        action.Input is { Properties.Count: > 0 } input ? [.. input.Properties.Select(p => p.Name)] : [];

    /// <summary>Fields the contract's constructor takes without a default: the hub refuses a call without them.</summary>
    public static IReadOnlySet<string> Required(ActionContract action) =>
        (action.Input?.Properties ?? [])
            .Where(p => p.AssociatedParameter is { HasDefaultValue: false })
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<string> PathParameters(string route) =>
        route.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1]).ToList();

    public static JsonObject Object(JsonObject properties, IEnumerable<string> required)
    {
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        var names = new JsonArray([.. required.Distinct().Select(r => (JsonNode)r)]);
        if (names.Count > 0)
        {
            schema["required"] = names;
        }

        return schema;
    }

    public static JsonElement ToElement(JsonObject schema) => JsonSerializer.SerializeToElement(schema, Parler.Core.Protocol.ProtocolJsonContext.Default.JsonObject);
}

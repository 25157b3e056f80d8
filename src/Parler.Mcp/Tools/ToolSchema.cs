using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Parler.Contract;

namespace Parler.Mcp.Tools;

/// <summary>Input schemas exported from the actions' source-generated contracts, the way the OpenAPI document does it.</summary>
internal static class ToolSchema
{
    private static readonly JsonSchemaExporterOptions Exporter = new() { TreatNullObliviousAsNonNullable = true };

    /// <summary>The schema of each input field of <paramref name="action"/>; a field may be left out, so "null" is not offered as a value or a default.</summary>
    public static IReadOnlyDictionary<string, JsonNode> Fields(ActionContract action)
    {
        if (action.Input is not { Properties.Count: > 0 } input)
        {
            return new Dictionary<string, JsonNode>();
        }

        var schema = input.Options.GetJsonSchemaAsNode(input.Type, Exporter);
        return schema["properties"]!.AsObject().ToDictionary(p => p.Key, p => WithoutNull(p.Value!.DeepClone()), StringComparer.Ordinal);
    }

    /// <summary>One input field's schema; a dotted path ("card.role") reaches into an object field.</summary>
    public static JsonNode? Field(ActionContract action, string path)
    {
        var parts = path.Split('.');
        var node = Fields(action).GetValueOrDefault(parts[0]);
        foreach (var part in parts.Skip(1))
        {
            node = node?["properties"]?[part] is { } inner ? WithoutNull(inner.DeepClone()) : null;
        }

        return node;
    }

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
        var names = new JsonArray([.. required.Select(r => (JsonNode)r)]);
        if (names.Count > 0)
        {
            schema["required"] = names;
        }

        schema["additionalProperties"] = false;
        return schema;
    }

    public static JsonNode Described(JsonNode schema, string description)
    {
        schema["description"] = description;
        return schema;
    }

    public static JsonElement ToElement(JsonObject schema) => JsonSerializer.SerializeToElement(schema, Parler.Core.Protocol.ProtocolJsonContext.Default.JsonObject);

    private static JsonNode WithoutNull(JsonNode schema)
    {
        if (schema["type"] is JsonArray types)
        {
            var kept = types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList();
            schema["type"] = kept.Count == 1 ? kept[0] : new JsonArray([.. kept.Select(t => (JsonNode)t)]);
        }

        if (schema is JsonObject fields && fields.TryGetPropertyValue("default", out var fallback) && fallback is null)
        {
            fields.Remove("default");
        }

        return schema;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
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

    /// <summary>An output schema naming <paramref name="fields"/> of a contract record, each typed from its CLR type.</summary>
    public static JsonObject Output(JsonTypeInfo record, IEnumerable<string> fields)
    {
        var properties = new JsonObject();
        foreach (var field in fields)
        {
            var property = record.Properties.SingleOrDefault(p => p.Name == field)
                ?? throw new InvalidOperationException($"{record.Type.Name} has no field '{field}' to declare in an output schema.");
            properties[field] = new JsonObject { ["type"] = JsonType(property.PropertyType) };
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties };
    }

    private static string JsonType(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) || t == typeof(DateTimeOffset) => "string",
        var t when t == typeof(int) || t == typeof(long) => "integer",
        var t when t == typeof(bool) => "boolean",
        var t when t != typeof(string) && t.IsAssignableTo(typeof(System.Collections.IEnumerable)) => "array",
        _ => "object",
    };
}

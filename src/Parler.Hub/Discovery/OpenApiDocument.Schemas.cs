using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Parler.Core.Protocol;

namespace Parler.Hub.Discovery;

/// <summary>The OpenAPI document's schemas, exported from the source-generated JSON contracts the wire uses.</summary>
internal static partial class OpenApiDocument
{
    private static JsonNode Schema(JsonTypeInfo typeInfo) =>
        OmittedWhenNull(typeInfo.Options.GetJsonSchemaAsNode(typeInfo.Type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true }));

    /// <summary>
    /// The wire leaves a null field out (WhenWritingNull), so a field that may be null is never required: the exporter
    /// marks every constructor parameter required, which a validator would hold against a true answer.
    /// </summary>
    private static JsonNode OmittedWhenNull(JsonNode node)
    {
        switch (node)
        {
            case JsonObject schema:
                if (schema["required"] is JsonArray required && schema["properties"] is JsonObject properties)
                {
                    foreach (var name in required.Select(r => r!.GetValue<string>()).ToList())
                    {
                        if (properties[name] is JsonObject property && MayBeNull(property))
                        {
                            required.Remove(required.First(r => r!.GetValue<string>() == name));
                        }
                    }

                    if (required.Count == 0)
                    {
                        schema.Remove("required");
                    }
                }

                foreach (var (_, child) in schema.ToList())
                {
                    if (child is not null)
                    {
                        OmittedWhenNull(child);
                    }
                }

                break;
            case JsonArray items:
                foreach (var child in items)
                {
                    if (child is not null)
                    {
                        OmittedWhenNull(child);
                    }
                }

                break;
        }

        return node;
    }

    private static bool MayBeNull(JsonObject property) =>
        property["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null")
        || property["type"]?.GetValueKind() == JsonValueKind.String && property["type"]!.GetValue<string>() == "null";

    private static JsonNode Schema(Type type) => Schema(ProtocolJsonContext.Default.GetTypeInfo(type) ?? ProtocolJsonContext.Default.GetTypeInfo(typeof(string))!);
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parler.Client;

namespace Parler.Mcp.Output;

/// <summary>A hub answer as compact JSON for a model: every string with hidden characters made visible.</summary>
internal static class ResultJson
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(JsonNode? node) => Clean(node)?.ToJsonString(Compact) ?? "null";

    /// <summary>A copy of <paramref name="answer"/> with every string's hidden characters made visible.</summary>
    public static JsonObject Clean(JsonObject answer) => (JsonObject)Clean((JsonNode)answer)!;

    private static JsonNode? Clean(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Clean(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Clean)]),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(PeerText.Visible(v.GetValue<string>(), "\n")),
        _ => node?.DeepClone(),
    };
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Parler.Cli.Output;

/// <summary>
/// What <c>--json</c> prints: the hub's answer with every time in one form, ISO 8601 UTC to the millisecond
/// ("2026-12-02T08:15:00.123Z"), whether the wire carried Unix milliseconds (a fact's <c>at</c>, a lease's
/// <c>lease_until</c> inside a fact) or an offset form. The wire contract is untouched: only what the CLI prints
/// changes. A signed card's fields stay exactly as signed, so its signature still checks.
/// </summary>
internal static class JsonOutput
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Of<T>(T value, JsonTypeInfo<T> type) => Of(JsonSerializer.SerializeToNode(value, type));

    public static string Of(JsonNode? node)
    {
        Rewrite(node);
        return node is null ? "null" : node.ToJsonString();
    }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>A member that holds a time: <c>at</c>, <c>ts</c>, <c>since</c>, <c>last_seen</c>, or a name ending <c>_at</c> or <c>_until</c>.</summary>
    public static bool IsTimeName(string name) =>
        name is "at" or "ts" or "since" or "last_seen"
        || name.EndsWith("_at", StringComparison.Ordinal)
        || name.EndsWith("_until", StringComparison.Ordinal);

    private static void Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Rewrite(item);
                }

                break;
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (name == "card" && obj.ContainsKey("signature"))
                    {
                        continue;
                    }

                    if (value is JsonValue scalar && IsTimeName(name) && AsTime(scalar) is { } at)
                    {
                        obj[name] = Time(at);
                    }
                    else
                    {
                        Rewrite(value);
                    }
                }

                break;
        }
    }

    private static DateTimeOffset? AsTime(JsonValue value)
    {
        if (value.TryGetValue<long>(out var milliseconds))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        if (value.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        return null;
    }
}

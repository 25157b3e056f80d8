using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parler.EndToEnd.Tests.Harness;

/// <summary>
/// Checks an answer against the hub's own /openapi.json: the status is documented for the operation, the media type
/// is one it lists, and a JSON body matches its schema (the subset of JSON Schema the hub's document uses).
/// </summary>
public sealed class OpenApiContract(JsonObject document)
{
    private static readonly ConcurrentDictionary<Uri, Task<OpenApiContract>> Documents = new();

    /// <summary>The document of the hub this client talks to, fetched once per hub address.</summary>
    public static async Task<OpenApiContract?> ForAsync(HttpClient http)
    {
        var hub = http.BaseAddress!;
        try
        {
            return await Documents.GetOrAdd(hub, async _ =>
            {
                using var anonymous = new HttpClient { BaseAddress = hub };
                return new OpenApiContract(JsonNode.Parse(await anonymous.GetStringAsync("/openapi.json"))!.AsObject());
            });
        }
        catch (HttpRequestException)
        {
            // The hub is gone (a test that kills it); the next hub on this address is fetched afresh.
            Documents.TryRemove(hub, out _);
            return null;
        }
    }

    /// <summary>Like <see cref="Mismatch"/> for a concrete path; a path no operation's route matches is left alone (a 404 test).</summary>
    public string? MismatchForPath(string method, string pathAndQuery, int status, string? mediaType, string body)
    {
        var path = pathAndQuery.Split('?')[0].Split('/');
        var route = document["paths"]!.AsObject()
            .Select(p => p.Key)
            .Where(r => Matches(r.Split('/'), path) && document["paths"]![r]![method.ToLowerInvariant()] is not null)
            .OrderBy(r => r.Count(c => c == '{'))
            .FirstOrDefault();
        return route is null ? null : Mismatch(method, route, status, mediaType, body);

        static bool Matches(string[] template, string[] actual) =>
            template.Length == actual.Length
            && template.Zip(actual).All(t => t.First.StartsWith('{') || string.Equals(t.First, t.Second, StringComparison.Ordinal));
    }

    /// <summary>What is wrong with this answer, or null when the document describes it.</summary>
    public string? Mismatch(string method, string route, int status, string? mediaType, string body)
    {
        if (document["paths"]?[route]?[method.ToLowerInvariant()] is not JsonObject operation)
        {
            return $"{method} {route} is not in the document";
        }

        var responses = operation["responses"]!.AsObject();
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = responses[key] ?? responses[$"{key[0]}XX"];
        if (response is null)
        {
            return $"{method} {route} answered {status}, which the document does not list ({string.Join(", ", responses.Select(r => r.Key))})";
        }

        var content = response["content"]?.AsObject();
        if (content is null || mediaType is null || content[mediaType] is not JsonObject media)
        {
            return $"{method} {route} {status} came as '{mediaType}', the document lists {string.Join(", ", content?.Select(c => c.Key) ?? [])}";
        }

        if (!mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            return null;
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            return $"{method} {route} {status}: the body is not JSON ({ex.Message})";
        }

        var errors = new List<string>();
        Check(media["schema"]!, json, "$", errors);
        return errors.Count == 0 ? null : $"{method} {route} {status}: {string.Join("; ", errors.Take(5))} in {body[..Math.Min(body.Length, 400)]}";
    }

    private void Check(JsonNode schema, JsonNode? value, string path, List<string> errors)
    {
        if (schema is JsonValue boolean && boolean.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            if (boolean.GetValueKind() == JsonValueKind.False)
            {
                errors.Add($"{path} is not allowed");
            }

            return;
        }

        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var target = reference["#/components/schemas/".Length..];
            Check(document["components"]!["schemas"]![target]!, value, path, errors);
            return;
        }

        if (schema["type"] is { } type)
        {
            var types = type is JsonArray many ? many.Select(t => t!.GetValue<string>()).ToList() : [type.GetValue<string>()];
            if (!types.Any(t => Is(t, value)))
            {
                errors.Add($"{path} is {Kind(value)}, the document says {string.Join(" or ", types)}");
                return;
            }
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add($"{path} = {value?.ToJsonString()} is not one of the document's values");
        }

        if (value is JsonObject obj)
        {
            var properties = schema["properties"]?.AsObject();
            foreach (var required in schema["required"]?.AsArray() ?? [])
            {
                if (!obj.ContainsKey(required!.GetValue<string>()))
                {
                    errors.Add($"{path}.{required} is required but missing");
                }
            }

            foreach (var (name, child) in obj)
            {
                if (properties?[name] is { } property)
                {
                    Check(property, child, $"{path}.{name}", errors);
                }
                else if (schema["additionalProperties"] is { } additional)
                {
                    Check(additional, child, $"{path}.{name}", errors);
                }
            }
        }
        else if (value is JsonArray array && schema["items"] is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(items, array[i], $"{path}[{i}]", errors);
            }
        }
    }

    private static bool Is(string type, JsonNode? value) => type switch
    {
        "null" => value is null,
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => value?.GetValueKind() == JsonValueKind.String,
        "boolean" => value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => value?.GetValueKind() == JsonValueKind.Number,
        "integer" => value?.GetValueKind() == JsonValueKind.Number && value.GetValue<decimal>() % 1 == 0,
        _ => true,
    };

    private static string Kind(JsonNode? value) => value is null ? "null" : value.GetValueKind().ToString().ToLowerInvariant();
}

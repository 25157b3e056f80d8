using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;

namespace Parler.Mcp.Tools;

/// <summary>
/// Checks a call's arguments against the tool's input schema before anything reaches the hub, so a wrong argument is
/// answered with the tool and argument to fix and what it must be, never a stack trace or a hub error.
/// </summary>
internal static class ArgumentCheck
{
    public static void Check(ToolSpec tool, IDictionary<string, JsonElement>? values)
    {
        var properties = tool.InputSchema["properties"]!.AsObject();
        var unknown = (values?.Keys ?? []).Where(k => !properties.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new McpException(
                $"{tool.Name} does not take {string.Join(", ", unknown.Select(u => $"'{u}'"))}; it takes: {string.Join(", ", properties.Select(p => p.Key))}.");
        }

        foreach (var required in tool.RequiredParameters)
        {
            if (values is null || !values.TryGetValue(required, out var given) || given.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
                || (given.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(given.GetString())))
            {
                throw new McpException($"{tool.Name} needs '{required}': {properties[required]!["description"]}");
            }
        }

        foreach (var (name, value) in values ?? new Dictionary<string, JsonElement>())
        {
            if (value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            {
                CheckValue(tool.Name, name, properties[name]!.AsObject(), value);
            }
        }
    }

    private static void CheckValue(string tool, string name, JsonObject schema, JsonElement value)
    {
        var type = schema["type"]!.GetValue<string>();
        switch (type)
        {
            case "string" when value.ValueKind == JsonValueKind.String:
                var text = value.GetString()!;
                if (schema["enum"] is JsonArray allowed && allowed.All(a => a!.GetValue<string>() != text))
                {
                    throw Wrong(tool, name, $"one of {string.Join(", ", allowed.Select(a => a!.GetValue<string>()))}");
                }

                var bytes = Encoding.UTF8.GetByteCount(text);
                if (schema["maxLength"]?.GetValue<int>() is { } max && max >= ParameterText.MaxTextBytes && bytes > ParameterText.MaxTextBytes)
                {
                    throw new McpException(
                        $"body_too_large: '{name}' is {bytes} bytes and {tool} takes at most {ParameterText.MaxTextBytes}. " +
                        "Split it into several calls, or share it as a file with parler_send_file.");
                }

                var longest = schema["maxLength"]?.GetValue<int>() ?? int.MaxValue;
                var shortest = schema["minLength"]?.GetValue<int>() ?? 0;
                if (text.Length > longest || text.Length < shortest)
                {
                    throw Wrong(tool, name, shortest == longest ? $"exactly {longest} characters" : $"at most {longest} characters");
                }

                return;
            case "integer" when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number):
                var minimum = schema["minimum"]?.GetValue<long>() ?? long.MinValue;
                var maximum = schema["maximum"]?.GetValue<long>() ?? long.MaxValue;
                if (number < minimum || number > maximum)
                {
                    throw Wrong(tool, name, maximum == long.MaxValue ? $"a whole number of at least {minimum}" : $"a whole number from {minimum} to {maximum}");
                }

                return;
            case "boolean" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return;
            case "array" when value.ValueKind == JsonValueKind.Array
                && value.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String && i.GetString()!.Length <= 64)
                && value.GetArrayLength() <= (schema["maxItems"]?.GetValue<int>() ?? int.MaxValue):
                return;
            case "array":
                throw Wrong(tool, name, $"a list of at most {schema["maxItems"]} strings of up to 64 characters, e.g. [\"planning\"]");
            default:
                throw Wrong(tool, name, type switch { "integer" => "a whole number", "boolean" => "true or false", _ => "a string" });
        }
    }

    private static McpException Wrong(string tool, string name, string what) => new($"{tool}: '{name}' must be {what}.");
}

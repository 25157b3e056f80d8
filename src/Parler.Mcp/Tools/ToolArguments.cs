using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;

namespace Parler.Mcp.Tools;

/// <summary>A tool call's arguments, read strictly: unknown names and wrong types are refused with a message that says why.</summary>
internal sealed class ToolArguments(IDictionary<string, JsonElement>? values)
{
    public static ToolArguments Empty { get; } = new(null);

    public bool Has(string name) =>
        values is not null && values.TryGetValue(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    /// <summary>Refuses arguments the tool does not take or that do not fit its schema, naming the argument and what it must be.</summary>
    public void CheckAgainst(ToolSpec tool) => ArgumentCheck.Check(tool, values);

    public string? Text(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        var value = values![name];
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Wrong(name, "a string");
    }

    public string RequiredText(string name) =>
        Text(name) is { } text && !string.IsNullOrWhiteSpace(text) ? text : throw new McpException($"'{name}' is required.");

    public long? Integer(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        var value = values![name];
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw Wrong(name, "a whole number"),
        };
    }

    public bool? Boolean(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        var value = values![name];
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => throw Wrong(name, "true or false"),
        };
    }

    /// <summary>The argument as the hub should receive it in a JSON body; the hub checks its type.</summary>
    public JsonNode? Node(string name) => Has(name) ? JsonNode.Parse(values![name].GetRawText()) : null;

    /// <summary>The argument as a query-string value.</summary>
    public string? QueryValue(string name) => !Has(name) ? null : values![name] switch
    {
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        var other => other.GetRawText(),
    };

    /// <summary>An idempotency key derived from the caller, the tool and its arguments: the same call twice lands once.</summary>
    public string DerivedKey(ToolSpec tool, string caller)
    {
        var canonical = new StringBuilder("parler.mcp.key/v1\n").Append(caller).Append('\n').Append(tool.Key);
        foreach (var (name, value) in (values ?? new Dictionary<string, JsonElement>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            canonical.Append('\n').Append(name).Append('=').Append(value.GetRawText());
        }

        return "mcp-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))[..40];
    }

    private static McpException Wrong(string name, string what) => new($"'{name}' must be {what}.");
}

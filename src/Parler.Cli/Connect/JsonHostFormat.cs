using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parler.Cli.Connect;

/// <summary>A host whose MCP servers sit in a JSON (or JSONC) object under <see cref="Container"/>.</summary>
internal abstract class JsonHostFormat : HostFormat
{
    protected abstract IReadOnlyList<string> Container { get; }

    protected abstract JsonObject Shape(McpEntry entry);

    public override McpEntry? Read(string text)
    {
        if (JsoncEditor.Get(text, Container, ServerName) is not { } json)
        {
            return null;
        }

        using var document = JsoncReader.Parse(json);
        var value = document.RootElement;
        if (value.ValueKind != JsonValueKind.Object)
        {
            return new McpEntry("", [], []);
        }

        var (command, args) = Command(value);
        return new McpEntry(command, args, Strings(value, EnvKey));
    }

    public override string Write(string text, McpEntry entry) => JsoncEditor.Set(text, Container, ServerName, Shape(entry));

    public override string Remove(string text) => JsoncEditor.Remove(text, Container, ServerName);

    protected virtual string EnvKey => "env";

    protected virtual (string Command, IReadOnlyList<string> Args) Command(JsonElement value) =>
        (value.TryGetProperty("command", out var command) && command.ValueKind == JsonValueKind.String ? command.GetString()! : "",
         value.TryGetProperty("args", out var args) && args.ValueKind == JsonValueKind.Array
             ? [.. args.EnumerateArray().Select(a => a.ToString())]
             : []);

    protected static JsonObject Env(McpEntry entry)
    {
        var env = new JsonObject();
        foreach (var (key, value) in entry.Env)
        {
            env[key] = value;
        }

        return env;
    }

    protected static JsonArray Array(IEnumerable<string> items) => [.. items.Select(i => (JsonNode)JsonValue.Create(i))];

    private static List<KeyValuePair<string, string>> Strings(JsonElement value, string key) =>
        value.TryGetProperty(key, out var env) && env.ValueKind == JsonValueKind.Object
            ? [.. env.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.ToString()))]
            : [];
}

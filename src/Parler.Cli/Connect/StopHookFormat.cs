using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parler.Cli.Connect;

/// <summary>
/// Claude Code's Stop hook in its <c>settings.json</c>: <c>"hooks": { "Stop": [ { "hooks": [ { "type": "command", "command": … } ] } ] }</c>.
/// The entry's <see cref="McpEntry.Command"/> is the whole shell line. Only a Stop list that is Parler's alone is written or
/// removed; a file with Stop hooks of its own is left untouched, with the line to add by hand.
/// </summary>
internal sealed class StopHookFormat : HostFormat
{
    public const string Event = "Stop";

    /// <summary>Claude Code's hook timeout in seconds: above the longest wait <c>parler hook stop</c> takes by default.</summary>
    public const int TimeoutSeconds = 90;

    private static readonly string[] Container = ["hooks"];

    public static StopHookFormat Instance { get; } = new();

    public override McpEntry? Read(string text) =>
        JsoncEditor.Get(text, Container, Event) is { } json ? Ours(json) is { } line ? new McpEntry(line, [], []) : new McpEntry("", [], []) : null;

    public override string Write(string text, McpEntry entry)
    {
        if (JsoncEditor.Get(text, Container, Event) is { } json && Ours(json) is null)
        {
            throw new InvalidDataException($"it already has Stop hooks of its own; add this command to them by hand: {entry.Command}");
        }

        var hook = new JsonObject { ["type"] = "command", ["command"] = entry.Command, ["timeout"] = TimeoutSeconds };
        return JsoncEditor.Set(text, Container, Event, new JsonArray(new JsonObject { ["hooks"] = new JsonArray(hook) }));
    }

    public override string Remove(string text) =>
        JsoncEditor.Get(text, Container, Event) is { } json && Ours(json) is not null ? JsoncEditor.Remove(text, Container, Event) : text;

    /// <summary>The command line when the Stop list holds exactly one hook and it is <c>parler hook stop</c>; otherwise null.</summary>
    private static string? Ours(string json)
    {
        using var document = JsoncReader.Parse(json);
        var groups = document.RootElement;
        if (groups.ValueKind != JsonValueKind.Array || groups.GetArrayLength() != 1
            || !groups[0].TryGetProperty("hooks", out var hooks) || hooks.ValueKind != JsonValueKind.Array || hooks.GetArrayLength() != 1
            || !hooks[0].TryGetProperty("command", out var command) || command.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var line = command.GetString()!;
        return line.EndsWith(" hook stop", StringComparison.Ordinal) && line.Contains("parler", StringComparison.Ordinal) ? line : null;
    }
}

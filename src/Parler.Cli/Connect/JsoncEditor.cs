using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parler.Cli.Connect;

/// <summary>
/// Sets or removes one member of a JSONC file (a nested object reached by a path of keys) by splicing the text:
/// comments, ordering and formatting of everything else stay byte-for-byte.
/// </summary>
internal static class JsoncEditor
{
    /// <summary>The member's value as JSON text, or null when absent.</summary>
    public static string? Get(string text, IReadOnlyList<string> path, string name) =>
        Walk(JsoncReader.ReadRoot(text), path) is { } container && container.Find(name) is { } member
            ? text[member.ValueStart..member.ValueEnd]
            : null;

    public static string Set(string text, IReadOnlyList<string> path, string name, JsonNode value)
    {
        var style = TextStyle.Of(text);
        var root = JsoncReader.ReadRoot(text);
        if (root is null)
        {
            JsonNode nested = new JsonObject { [name] = value };
            for (var i = path.Count - 1; i >= 0; i--)
            {
                nested = new JsonObject { [path[i]] = nested };
            }

            return Render(nested, "", style) + style.NewLine;
        }

        var container = root;
        for (var depth = 0; depth < path.Count; depth++)
        {
            var member = container.Find(path[depth]);
            if (member is null)
            {
                JsonObject nested = new() { [name] = value };
                for (var i = path.Count - 1; i > depth; i--)
                {
                    nested = new JsonObject { [path[i]] = nested };
                }

                return Insert(text, container, path[depth], nested, style);
            }

            container = member.Value ?? throw NotAnObject(path[depth]);
        }

        if (container.Find(name) is not { } existing)
        {
            return Insert(text, container, name, value, style);
        }

        var rendered = Render(value, TextStyle.LineIndent(text, existing.KeyStart), style);
        return text[existing.ValueStart..existing.ValueEnd] == rendered
            ? text
            : string.Concat(text.AsSpan(0, existing.ValueStart), rendered, text.AsSpan(existing.ValueEnd));
    }

    public static string Remove(string text, IReadOnlyList<string> path, string name)
    {
        if (Walk(JsoncReader.ReadRoot(text), path) is not { } container || container.Find(name) is not { } member)
        {
            return text;
        }

        var members = container.Members;
        var index = members.ToList().IndexOf(member);
        if (index < members.Count - 1)
        {
            return text.Remove(member.KeyStart, members[index + 1].KeyStart - member.KeyStart);
        }

        if (index == 0)
        {
            return text.Remove(container.Open + 1, container.Close - container.Open - 1);
        }

        // The last member: keep the previous member's line (and its comment) intact; without a trailing comma of
        // our own, the previous member's comma goes too.
        var previous = members[index - 1];
        var from = TextStyle.LineEndAfterTrivia(text, previous.CommaEnd);
        var to = member.CommaEnd >= 0 ? TextStyle.LineEndAfterTrivia(text, member.CommaEnd) : member.ValueEnd;
        var removed = text.Remove(from, to - from);
        return member.CommaEnd >= 0 ? removed : removed.Remove(previous.CommaEnd - 1, 1);
    }

    private static JsoncObject? Walk(JsoncObject? root, IReadOnlyList<string> path)
    {
        var container = root;
        foreach (var key in path)
        {
            if (container?.Find(key) is not { } member)
            {
                return null;
            }

            container = member.Value ?? throw NotAnObject(key);
        }

        return container;
    }

    private static string Insert(string text, JsoncObject container, string name, JsonNode value, TextStyle style)
    {
        var nl = style.NewLine;
        if (container.Members.Count > 0)
        {
            var last = container.Members[^1];
            var indent = TextStyle.LineIndent(text, last.KeyStart);
            var member = Member(name, value, indent, style);
            if (last.CommaEnd >= 0)
            {
                return text.Insert(TextStyle.LineEndAfterTrivia(text, last.CommaEnd), nl + indent + member + ",");
            }

            var at = TextStyle.LineEndAfterTrivia(text, last.ValueEnd);
            return text.Insert(at, nl + indent + member).Insert(last.ValueEnd, ",");
        }

        var outer = TextStyle.LineIndent(text, container.Open);
        var inner = outer + style.IndentUnit;
        var body = nl + inner + Member(name, value, inner, style) + nl + outer;
        var inside = text[(container.Open + 1)..container.Close];
        return string.IsNullOrWhiteSpace(inside)
            ? string.Concat(text.AsSpan(0, container.Open + 1), body, text.AsSpan(container.Close))
            : text.Insert(container.Open + 1, body);
    }

    private static string Member(string name, JsonNode value, string indent, TextStyle style) =>
        JsonValue.Create(name).ToJsonString() + ": " + Render(value, indent, style);

    private static string Render(JsonNode value, string indent, TextStyle style)
    {
        var tabs = style.IndentUnit.StartsWith('\t');
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            IndentCharacter = tabs ? '\t' : ' ',
            IndentSize = Math.Max(1, style.IndentUnit.Length),
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NewLine = "\n",
        };
        return value.ToJsonString(options).Replace("\n", style.NewLine + indent, StringComparison.Ordinal);
    }

    private static InvalidDataException NotAnObject(string key) =>
        new($"its \"{key}\" is not a JSON object, so Parler's entry cannot go inside it");
}

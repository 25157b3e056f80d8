using System.Text;

namespace Parler.Cli.Connect;

/// <summary>
/// Replaces or removes one TOML table and its subtables (for example <c>[mcp_servers.parler]</c> and
/// <c>[mcp_servers.parler.env]</c>), leaving every other line, comment and ordering untouched.
/// </summary>
internal static class TomlEditor
{
    /// <summary>Our tables' text, or null when the file has none.</summary>
    public static string? Get(string text, string table)
    {
        var (from, to) = Span(text, TomlReader.Read(text), table);
        return from < 0 ? null : text[from..to];
    }

    public static string Set(string text, string table, string block)
    {
        var lines = TomlReader.Read(text);
        var (from, to) = Span(text, lines, table);
        var nl = TextStyle.Of(text).NewLine;
        block = block.Replace("\n", nl, StringComparison.Ordinal);
        if (from >= 0)
        {
            return text[from..to] == block ? text : string.Concat(text.AsSpan(0, from), block, text.AsSpan(to));
        }

        var prefix = text.Length == 0 || text.EndsWith(nl + nl, StringComparison.Ordinal) ? ""
            : text.EndsWith('\n') ? nl
            : nl + nl;
        return text + prefix + block;
    }

    public static string Remove(string text, string table)
    {
        var (from, to) = Span(text, TomlReader.Read(text), table);
        if (from < 0)
        {
            return text;
        }

        while (to < text.Length && text.IndexOf('\n', to) is var end and >= 0 && string.IsNullOrWhiteSpace(text[to..end]))
        {
            to = end + 1;
        }

        if (to < text.Length)
        {
            return string.Concat(text.AsSpan(0, from), text.AsSpan(to));
        }

        var kept = text[..from];
        var trimmed = kept.TrimEnd('\r', '\n');
        return trimmed.Length == 0 ? "" : trimmed + TextStyle.Of(text).NewLine;
    }

    public static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    /// <summary>From our first header to the end of our last key line; comments and blank lines after it stay outside.</summary>
    private static (int From, int To) Span(string text, List<TomlLine> lines, string table)
    {
        var first = lines.FindIndex(l => Ours(l.Header, table));
        if (first < 0)
        {
            return (-1, -1);
        }

        var next = lines.FindIndex(first + 1, l => l.Header is not null && !Ours(l.Header, table));
        if (lines.Skip(next < 0 ? lines.Count : next).Any(l => Ours(l.Header, table)))
        {
            throw new InvalidDataException($"its [{table}] tables are split up by other tables; join them and run again");
        }

        var last = (next < 0 ? lines.Count : next) - 1;
        while (lines[last].Blank)
        {
            last--;
        }

        return (lines[first].Start, lines[last].End);
    }

    private static bool Ours(string? header, string table) =>
        header is not null && (header == table || header.StartsWith(table + ".", StringComparison.Ordinal));
}

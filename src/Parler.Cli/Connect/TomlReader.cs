namespace Parler.Cli.Connect;

/// <summary>
/// A small TOML scanner: enough to find table headers across multi-line strings and arrays, and to refuse a file
/// that is not well-formed at that level (an unclosed string, bracket or header, or a line that is no key = value).
/// </summary>
internal static class TomlReader
{
    public static List<TomlLine> Read(string text)
    {
        var lines = new List<TomlLine>();
        var depth = 0;
        string? openString = null;
        var start = 0;
        var number = 0;
        while (start < text.Length)
        {
            number++;
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            var line = text[start..end].TrimEnd('\r', '\n');
            var trimmed = line.Trim();
            string? header = null;
            var continuation = openString is not null || depth > 0;
            var blank = !continuation && (trimmed.Length == 0 || trimmed[0] == '#');
            if (!continuation && !blank)
            {
                if (trimmed[0] == '[')
                {
                    header = HeaderName(trimmed) ?? throw new InvalidDataException($"line {number} is not a valid table header: {trimmed}");
                }
                else if (!HasKey(trimmed))
                {
                    throw new InvalidDataException($"line {number} is not 'key = value': {trimmed}");
                }
            }

            if (header is null && !blank)
            {
                var from = continuation ? 0 : line.IndexOf('=', StringComparison.Ordinal) + 1;
                Scan(line, from, ref depth, ref openString, number);
            }

            lines.Add(new TomlLine(start, end, header, blank));
            start = end;
        }

        return openString is null && depth == 0
            ? lines
            : throw new InvalidDataException($"it ends inside an unclosed {(openString is null ? "array or inline table" : "string")}");
    }

    /// <summary>A header's dotted name with quotes and spaces removed, or null when it is malformed.</summary>
    private static string? HeaderName(string trimmed)
    {
        var array = trimmed.StartsWith("[[", StringComparison.Ordinal);
        var close = trimmed.IndexOf(array ? "]]" : "]", StringComparison.Ordinal);
        if (close < 0 || trimmed[(close + (array ? 2 : 1))..].Trim() is { Length: > 0 } rest && rest[0] != '#')
        {
            return null;
        }

        var parts = trimmed[(array ? 2 : 1)..close].Split('.').Select(p => p.Trim().Trim('"', '\'')).ToArray();
        return parts.Any(p => p.Length == 0) ? null : string.Join('.', parts);
    }

    private static bool HasKey(string trimmed)
    {
        var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && trimmed[..equals].Trim().Length > 0;
    }

    private static void Scan(string line, int from, ref int depth, ref string? openString, int number)
    {
        var i = from;
        while (i < line.Length)
        {
            if (openString is not null)
            {
                var close = line.IndexOf(openString, i, StringComparison.Ordinal);
                while (close > 0 && openString[0] == '"' && Escaped(line, close))
                {
                    close = line.IndexOf(openString, close + 1, StringComparison.Ordinal);
                }

                if (close < 0)
                {
                    if (openString.Length == 1)
                    {
                        throw new InvalidDataException($"line {number} has an unclosed string");
                    }

                    return;
                }

                i = close + openString.Length;
                openString = null;
                continue;
            }

            var c = line[i];
            if (c == '#')
            {
                return;
            }

            if (c is '"' or '\'')
            {
                openString = line.AsSpan(i).StartsWith(new string(c, 3)) ? new string(c, 3) : c.ToString();
                i += openString.Length;
                continue;
            }

            depth += c is '[' or '{' ? 1 : c is ']' or '}' ? -1 : 0;
            if (depth < 0)
            {
                throw new InvalidDataException($"line {number} closes a bracket that was never opened");
            }

            i++;
        }
    }

    private static bool Escaped(string line, int at)
    {
        var slashes = 0;
        while (at - slashes - 1 >= 0 && line[at - slashes - 1] == '\\')
        {
            slashes++;
        }

        return slashes % 2 == 1;
    }
}

namespace Parler.Cli.Connect;

/// <summary>The line ending and indentation a file already uses, so our insertions look like the rest of it.</summary>
internal sealed record TextStyle(string NewLine, string IndentUnit)
{
    public static TextStyle Of(string text)
    {
        var newLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        foreach (var line in text.Split('\n'))
        {
            var width = line.Length - line.TrimStart(' ', '\t').Length;
            if (width > 0 && width < line.Length && line[width] is '"' or '[' or '{')
            {
                return new TextStyle(newLine, line[..width]);
            }
        }

        return new TextStyle(newLine, "  ");
    }

    /// <summary>The whitespace that starts the line holding <paramref name="position"/>.</summary>
    public static string LineIndent(string text, int position)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
        var end = start;
        while (end < text.Length && text[end] is ' ' or '\t')
        {
            end++;
        }

        return text[start..end];
    }

    /// <summary>The end of the line when only whitespace or a comment follows <paramref name="position"/> on it, else the position itself.</summary>
    public static int LineEndAfterTrivia(string text, int position)
    {
        var newline = text.IndexOf('\n', position);
        var end = newline < 0 ? text.Length : newline > 0 && text[newline - 1] == '\r' ? newline - 1 : newline;
        var rest = text[position..end].Trim();
        var trivia = rest.Length == 0 || rest.StartsWith("//", StringComparison.Ordinal)
            || (rest.StartsWith("/*", StringComparison.Ordinal) && rest.IndexOf("*/", StringComparison.Ordinal) == rest.Length - 2);
        return trivia ? end : position;
    }
}

using System.Text.RegularExpressions;

namespace Parler.Cli.Output;

/// <summary>The parser's words for people: a value of the wrong kind is named in plain words, never as a .NET type.</summary>
internal static partial class ParseErrorText
{
    public static string Plain(string message) => ExpectedType().Replace(message, match => match.Groups["type"].Value switch
    {
        "Int32" or "Int64" or "UInt32" or "UInt64" or "Int16" => "as a whole number",
        "Double" or "Single" or "Decimal" => "as a number",
        "Boolean" => "as true or false",
        "TimeSpan" => "as a duration",
        _ => "as the kind of value it takes",
    });

    [GeneratedRegex(@"as expected type 'System\.(?:Nullable`1\[System\.)?(?<type>\w+)\]?'", RegexOptions.CultureInvariant)]
    private static partial Regex ExpectedType();
}

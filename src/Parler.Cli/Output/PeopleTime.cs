using System.Globalization;

namespace Parler.Cli.Output;

/// <summary>
/// The one form a time takes for people: local time, to the second ("2026-12-02 06:15:04"). JSON output has its own
/// one form (<see cref="JsonOutput"/>); a message feed shows only the time of day (<see cref="EventPrinter"/>).
/// </summary>
internal static class PeopleTime
{
    public const string Pattern = "yyyy-MM-dd HH:mm:ss";

    public static string Format(DateTimeOffset at) => at.ToLocalTime().ToString(Pattern, CultureInfo.InvariantCulture);
}

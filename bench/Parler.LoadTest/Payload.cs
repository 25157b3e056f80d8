using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Parler.LoadTest;

/// <summary>
/// Message bodies that carry their own send-start timestamp (Stopwatch ticks of this process), so the watcher,
/// in the same process, can time send-to-delivery without a shared table or a clock to agree on.
/// </summary>
internal static class Payload
{
    public const int MinSize = 64;
    private const string LoadPrefix = "load ";
    private const string ReadyPrefix = "ready ";

    public static string Load(int sender, long sequence, long startTimestamp, int size) =>
        Pad(string.Create(CultureInfo.InvariantCulture, $"{LoadPrefix}{sender} {sequence} {startTimestamp} "), size);

    public static string Ready(string marker, int size) => Pad(ReadyPrefix + marker + " ", size);

    public static bool IsReady(string body, string marker) =>
        body.StartsWith(ReadyPrefix + marker + " ", StringComparison.Ordinal);

    /// <summary>The send-start timestamp of a load message, or null for anything else.</summary>
    public static long? StartOf(string body)
    {
        if (!body.StartsWith(LoadPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var fields = body.Split(' ', 5);
        return fields.Length >= 4 && long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? start
            : null;
    }

    public static double MillisecondsSince(long startTimestamp, long endTimestamp) =>
        (endTimestamp - startTimestamp) * 1000.0 / Stopwatch.Frequency;

    private static string Pad(string head, int size)
    {
        var text = new StringBuilder(head, size);
        while (text.Length < size)
        {
            text.Append((char)('a' + (text.Length % 26)));
        }

        return text.ToString(0, size);
    }
}

using System.Globalization;
using Parler.Hub.Errors;

namespace Parler.Hub.Actions;

/// <summary>Field checks whose messages say what a valid value looks like.</summary>
internal static class Validate
{
    public static string Required(string? value, string field, string example) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new HubException(ErrorCodes.ValidationFailed, $"'{field}' is required, for example \"{example}\".")
            : value;

    public static string RoomName(string? value)
    {
        var name = Required(value, "name", "team").Trim();
        if (name.Length > 64 || name.StartsWith("rm_", StringComparison.Ordinal)
            || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new HubException(
                ErrorCodes.ValidationFailed,
                $"Room name '{name}' is not valid: use 1-64 letters, digits, '-', '_' or '.', not starting with 'rm_'.");
        }

        return name;
    }

    public static string DisplayName(string? value)
    {
        var name = Required(value, "name", "brisk-otter-42").Trim();
        if (name.Length > 64 || Unreadable(name) is not null)
        {
            throw new HubException(
                ErrorCodes.ValidationFailed,
                $"A display name is 1-64 characters a person can read: no control, bidi or zero-width characters{Found(name)}.");
        }

        return name;
    }

    /// <summary>
    /// The first character that would let a name look like another or hide (control, bidi override, zero-width,
    /// any other format character, a lone surrogate, a line or paragraph separator), or null when there is none.
    /// </summary>
    public static string? Unreadable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is
                UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return $"U+{(int)c:X4}";
            }
        }

        return null;
    }

    /// <summary>A line a person reads (a key, a file name): 1-<paramref name="max"/> readable characters.</summary>
    public static string Line(string? value, string field, string example, int max)
    {
        var text = Required(value, field, example);
        return text.Length > max || Unreadable(text) is not null
            ? throw new HubException(
                ErrorCodes.ValidationFailed,
                $"'{field}' is 1-{max} characters without control, bidi or zero-width characters{Found(text)}, like \"{example}\".")
            : text;
    }

    private static string Found(string text) => Unreadable(text) is { } found ? $" (it has {found})" : "";

    public static int Range(int? value, int fallback, int min, int max, string field)
    {
        var result = value ?? fallback;
        return result < min || result > max
            ? throw new HubException(ErrorCodes.ValidationFailed, $"'{field}' must be between {min} and {max}; got {result}.")
            : result;
    }
}

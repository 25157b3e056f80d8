using Parler.Hub.Errors;

namespace Parler.Hub.Actions.Catalog;

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
        if (name.Length > 64 || name.Any(char.IsControl))
        {
            throw new HubException(ErrorCodes.ValidationFailed, "A display name is 1-64 characters without control characters.");
        }

        return name;
    }

    public static int Range(int? value, int fallback, int min, int max, string field)
    {
        var result = value ?? fallback;
        return result < min || result > max
            ? throw new HubException(ErrorCodes.ValidationFailed, $"'{field}' must be between {min} and {max}; got {result}.")
            : result;
    }
}

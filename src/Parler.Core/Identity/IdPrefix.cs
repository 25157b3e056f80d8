namespace Parler.Core.Identity;

/// <summary>
/// The one rule for ids as printed, like git, used by the hub and the clients alike: a reference names the candidate
/// equal to it, or else every candidate it is a prefix of, when it has at least <see cref="MinimumLength"/> characters
/// (any case). One match resolves; several are ambiguous and the caller is refused with them.
/// </summary>
internal static class IdPrefix
{
    public const int MinimumLength = 8;

    /// <summary>The candidates <paramref name="reference"/> names: the one whose id equals it, else all it starts; empty when none.</summary>
    public static IReadOnlyList<T> Match<T>(string reference, IEnumerable<T> candidates, Func<T, string> id)
    {
        var text = reference.Trim();
        var all = candidates.DistinctBy(id).ToList();
        var exact = all.FindIndex(c => string.Equals(id(c), text, StringComparison.OrdinalIgnoreCase));
        if (exact >= 0)
        {
            return [all[exact]];
        }

        return text.Length < MinimumLength
            ? []
            : all.Where(c => id(c).StartsWith(text, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>True when <paramref name="reference"/> is long enough to be taken as a prefix.</summary>
    public static bool IsPrefix(string reference) => reference.Trim().Length >= MinimumLength;
}

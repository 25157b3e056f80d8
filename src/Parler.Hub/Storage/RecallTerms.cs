namespace Parler.Hub.Storage;

/// <summary>How every store reads a recall query: plain words, any of which may match, never search-engine syntax.</summary>
internal static class RecallTerms
{
    /// <summary>
    /// The user's distinct words, split on white space; words without a letter or digit would tokenise to nothing and
    /// are dropped.
    /// </summary>
    public static IReadOnlyList<string> Split(string query) =>
        query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(term => term.Any(char.IsLetterOrDigit))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}

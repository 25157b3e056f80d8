namespace Parler.Hub.Storage;

/// <summary>
/// How every store ranks a recall, from what it can find quickly: each word's newest matches in the scope. The candidates
/// are those matches together; a note scores the sum, over the words it matched there, of the word's rarity among the
/// candidates (BM25's inverse document frequency, counted over the candidates, with k1 = 0: a word counts once per note,
/// whatever the note's length). Equal scores go newest first. So a note with more of the query's words, and rarer ones,
/// comes first, and a word in most of a large scope costs its newest matches, never all of them.
/// </summary>
internal static class RecallRanking
{
    /// <summary>How many of one word's newest matches are candidates (for a query of up to 8 words).</summary>
    public const int PerWord = 1_000;

    /// <summary>The candidates of a longer query are shared out so that all its words together read at most this many.</summary>
    public const int AllWords = 8_000;

    /// <summary>How many of each word's newest matches to read for a query of <paramref name="words"/> words.</summary>
    public static int WindowPerWord(int words) => Math.Clamp(AllWords / Math.Max(words, 1), 100, PerWord);

    /// <summary>
    /// The ids of the best <paramref name="limit"/> notes, best first, given each word's matches (ids, newer ids larger).
    /// </summary>
    public static IReadOnlyList<long> Best(IReadOnlyList<IReadOnlyCollection<long>> matches, int limit)
    {
        var scores = new Dictionary<long, double>();
        foreach (var word in matches)
        {
            foreach (var id in word)
            {
                scores.TryAdd(id, 0);
            }
        }

        double candidates = scores.Count;
        foreach (var word in matches)
        {
            var rarity = Math.Log(1 + ((candidates - word.Count + 0.5) / (word.Count + 0.5)));
            foreach (var id in word)
            {
                scores[id] += rarity;
            }
        }

        return [.. scores.OrderByDescending(s => s.Value).ThenByDescending(s => s.Key).Take(limit).Select(s => s.Key)];
    }
}

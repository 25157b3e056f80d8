using Microsoft.Data.Sqlite;

namespace Parler.Hub.Storage.Sqlite;

/// <summary>
/// The memories projection and its FTS5 index (<c>memory_words</c>, porter-stemmed), written in the appending transaction.
/// Each scope has a number (<c>memory_scopes</c>) and a memory's index row is <c>(number &lt;&lt; 40) | id</c>, so one
/// scope's rows are one rowid range: a word's newest matches in a scope are a seek and a short walk backwards, whatever
/// the other scopes hold and however large this one is. Recall reads each word's newest matches and ranks them in
/// <see cref="RecallRanking"/>; FTS5's bm25 is not used, as it counts every match of every word in the whole index.
/// </summary>
internal static class SqliteMemories
{
    /// <summary>Memory ids stay below 2^40; a scope's index rows are its number shifted past them.</summary>
    private const int ScopeShift = 40;

    private const long IdMask = (1L << ScopeShift) - 1;

    public static async Task SaveAsync(SqliteCommandCache commands, MemoryRecord memory, CancellationToken cancellationToken)
    {
        if (memory.Key is not null)
        {
            await commands.Get(
                """
                DELETE FROM memory_words WHERE rowid IN (
                    SELECT (s.n << 40) | m.id FROM memories m JOIN memory_scopes s ON s.scope = m.scope
                    WHERE m.scope = $scope AND m.key = $key);
                DELETE FROM memories WHERE scope = $scope AND key = $key;
                """,
                ("$scope", memory.Scope), ("$key", memory.Key)).ExecuteNonQueryAsync(cancellationToken);
        }

        await commands.Get(
            """
            INSERT INTO memory_scopes (scope) VALUES ($scope) ON CONFLICT (scope) DO NOTHING;
            INSERT INTO memories (scope, key, author, at, seq, text) VALUES ($scope, $key, $author, $at, $seq, $text);
            INSERT INTO memory_words (rowid, text)
                VALUES (((SELECT n FROM memory_scopes WHERE scope = $scope) << 40) | last_insert_rowid(), $text);
            """,
            ("$scope", memory.Scope), ("$key", memory.Key), ("$author", memory.Author), ("$at", memory.At),
            ("$seq", memory.Seq), ("$text", memory.Text)).ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<RecalledMemory>> RecallAsync(
        SqliteConnection connection, string scope, string query, int limit, CancellationToken cancellationToken)
    {
        var words = RecallTerms.Split(query);
        if (words.Count == 0)
        {
            return [];
        }

        await using var number = SqliteQueries.Command(connection, "SELECT n FROM memory_scopes WHERE scope = $scope", ("$scope", scope));
        if (await number.ExecuteScalarAsync(cancellationToken) is not long n)
        {
            return [];
        }

        var matches = await MatchesAsync(connection, n << ScopeShift, words, cancellationToken);
        var best = RecallRanking.Best(matches, limit);
        return best.Count == 0 ? [] : await ReadAsync(connection, scope, best, cancellationToken);
    }

    /// <summary>Each word's newest matches in the scope whose rows start at <paramref name="low"/>, as memory ids.</summary>
    private static async Task<IReadOnlyList<IReadOnlyCollection<long>>> MatchesAsync(
        SqliteConnection connection, long low, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        await using var command = SqliteQueries.Command(
            connection,
            "SELECT rowid FROM memory_words WHERE memory_words MATCH $word AND rowid BETWEEN $low AND $high ORDER BY rowid DESC LIMIT $window",
            ("$word", null), ("$low", low), ("$high", low | IdMask), ("$window", RecallRanking.WindowPerWord(words.Count)));
        var matches = new List<IReadOnlyCollection<long>>(words.Count);
        foreach (var word in words)
        {
            command.Parameters["$word"].Value = Quote(word);
            var ids = new List<long>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    ids.Add(reader.GetInt64(0) & IdMask);
                }
            }

            matches.Add(ids);
        }

        return matches;
    }

    private static async Task<IReadOnlyList<RecalledMemory>> ReadAsync(
        SqliteConnection connection, string scope, IReadOnlyList<long> best, CancellationToken cancellationToken)
    {
        await using var command = SqliteQueries.Command(
            connection,
            """
            SELECT m.id, m.scope, m.key, m.author, m.at, m.seq, m.text, COALESCE(a.name, m.author)
            FROM memories m LEFT JOIN agents a ON a.id = m.author
            WHERE m.id IN (SELECT value FROM json_each($ids)) AND m.scope = $scope
            """,
            ("$ids", "[" + string.Join(',', best) + "]"), ("$scope", scope));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new Dictionary<long, RecalledMemory>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var memory = new MemoryRecord(
                reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
                reader.GetInt64(5), reader.GetString(6));
            found[reader.GetInt64(0)] = new RecalledMemory(memory, reader.GetString(7));
        }

        return [.. best.Where(found.ContainsKey).Select(id => found[id])];
    }

    /// <summary>One of the user's words as an FTS5 string literal, so no text is ever read as query syntax.</summary>
    public static string Quote(string word) => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

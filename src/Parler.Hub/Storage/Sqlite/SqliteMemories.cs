using Microsoft.Data.Sqlite;

namespace Parler.Hub.Storage.Sqlite;

/// <summary>
/// The memories projection and its FTS5 index (porter-stemmed). The index row shares the memory row's id, so a
/// keyed replace deletes both old rows and inserts both new ones in the appending transaction. The scope is an
/// indexed column of its own, as one token (the id without '_'), so a query intersects with one scope's rows inside
/// FTS5 instead of ranking every scope's matches; the join checks the scope again, so a token clash cannot leak a row.
/// </summary>
internal static class SqliteMemories
{
    /// <summary>
    /// How many of a query's newest matches are ranked. A word in most of a large room's memories would otherwise make
    /// every recall score all of them (147 ms at 1,000,000); FTS5 walks its matches newest first and stops here, so a
    /// recall ranks the best of the newest 5,000 matches. A query with fewer matches ranks them all, as before.
    /// </summary>
    public const int RankWindow = 5_000;

    public static async Task SaveAsync(SqliteCommandCache commands, MemoryRecord memory, CancellationToken cancellationToken)
    {
        if (memory.Key is not null)
        {
            await commands.Get(
                """
                DELETE FROM memory_search WHERE rowid IN (SELECT id FROM memories WHERE scope = $scope AND key = $key);
                DELETE FROM memories WHERE scope = $scope AND key = $key;
                """,
                ("$scope", memory.Scope), ("$key", memory.Key)).ExecuteNonQueryAsync(cancellationToken);
        }

        await commands.Get(
            """
            INSERT INTO memories (scope, key, author, at, seq, text) VALUES ($scope, $key, $author, $at, $seq, $text);
            INSERT INTO memory_search (rowid, scope, text) VALUES (last_insert_rowid(), replace($scope, '_', ''), $text);
            """,
            ("$scope", memory.Scope), ("$key", memory.Key), ("$author", memory.Author), ("$at", memory.At),
            ("$seq", memory.Seq), ("$text", memory.Text)).ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<RecalledMemory>> RecallAsync(
        SqliteConnection connection, string scope, string query, int limit, CancellationToken cancellationToken)
    {
        if (MatchExpression(query) is not { } terms)
        {
            return [];
        }

        await using var command = SqliteQueries.Command(
            connection,
            """
            SELECT m.scope, m.key, m.author, m.at, m.seq, m.text, COALESCE(a.name, m.author)
            FROM (SELECT id, score FROM (
                      SELECT rowid AS id, bm25(memory_search, 0.0, 1.0) AS score FROM memory_search
                      WHERE memory_search MATCH $match ORDER BY rowid DESC LIMIT $window)
                  ORDER BY score, id DESC LIMIT $limit) f
            JOIN memories m ON m.id = f.id AND m.scope = $scope
            LEFT JOIN agents a ON a.id = m.author
            ORDER BY f.score, f.id DESC
            """,
            ("$match", $"scope : {Quote(scope.Replace("_", "", StringComparison.Ordinal))} AND text : ({terms})"), ("$scope", scope), ("$limit", limit), ("$window", RankWindow));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<RecalledMemory>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var memory = new MemoryRecord(
                reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
                reader.GetInt64(4), reader.GetString(5));
            found.Add(new RecalledMemory(memory, reader.GetString(6)));
        }

        return found;
    }

    /// <summary>
    /// The user's words as FTS5 string literals joined by OR, so no text is ever read as query syntax (NEAR, *, quotes,
    /// column filters); null when no word remains.
    /// </summary>
    public static string? MatchExpression(string query)
    {
        var terms = RecallTerms.Split(query).Select(Quote).ToList();
        return terms.Count == 0 ? null : string.Join(" OR ", terms);
    }

    private static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

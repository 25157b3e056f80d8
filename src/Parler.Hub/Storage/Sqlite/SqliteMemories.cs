using Microsoft.Data.Sqlite;

namespace Parler.Hub.Storage.Sqlite;

/// <summary>
/// The memories projection and its FTS5 index (porter-stemmed). The index row shares the memory row's id, so a
/// keyed replace deletes both old rows and inserts both new ones in the appending transaction.
/// </summary>
internal static class SqliteMemories
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS memories (
            id INTEGER PRIMARY KEY, scope TEXT NOT NULL, key TEXT, author TEXT NOT NULL, at INTEGER NOT NULL,
            seq INTEGER NOT NULL, text TEXT NOT NULL);
        CREATE UNIQUE INDEX IF NOT EXISTS memories_scope_key ON memories (scope, key) WHERE key IS NOT NULL;
        CREATE VIRTUAL TABLE IF NOT EXISTS memories_fts USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
        """;

    public static async Task SaveAsync(SqliteCommandCache commands, MemoryRecord memory, CancellationToken cancellationToken)
    {
        if (memory.Key is not null)
        {
            await commands.Get(
                """
                DELETE FROM memories_fts WHERE rowid IN (SELECT id FROM memories WHERE scope = $scope AND key = $key);
                DELETE FROM memories WHERE scope = $scope AND key = $key;
                """,
                ("$scope", memory.Scope), ("$key", memory.Key)).ExecuteNonQueryAsync(cancellationToken);
        }

        await commands.Get(
            """
            INSERT INTO memories (scope, key, author, at, seq, text) VALUES ($scope, $key, $author, $at, $seq, $text);
            INSERT INTO memories_fts (rowid, text) VALUES (last_insert_rowid(), $text);
            """,
            ("$scope", memory.Scope), ("$key", memory.Key), ("$author", memory.Author), ("$at", memory.At),
            ("$seq", memory.Seq), ("$text", memory.Text)).ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<RecalledMemory>> RecallAsync(
        SqliteConnection connection, string scope, string query, int limit, CancellationToken cancellationToken)
    {
        var match = MatchExpression(query);
        if (match is null)
        {
            return [];
        }

        await using var command = SqliteQueries.Command(
            connection,
            """
            SELECT m.scope, m.key, m.author, m.at, m.seq, m.text, COALESCE(a.name, m.author)
            FROM memories_fts f
            JOIN memories m ON m.id = f.rowid
            LEFT JOIN agents a ON a.id = m.author
            WHERE memories_fts MATCH $match AND m.scope = $scope
            ORDER BY f.rank, m.seq DESC
            LIMIT $limit
            """,
            ("$match", match), ("$scope", scope), ("$limit", limit));
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
        var terms = RecallTerms.Split(query).Select(term => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"").ToList();
        return terms.Count == 0 ? null : string.Join(" OR ", terms);
    }
}

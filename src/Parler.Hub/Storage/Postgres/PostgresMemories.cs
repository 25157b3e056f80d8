using Npgsql;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// The memories projection with PostgreSQL's own text search: a stored english tsvector per row (GIN-indexed). Recall
/// reads each of the user's words' newest matches in the scope (each word through plainto_tsquery, so no text is ever
/// read as tsquery syntax; all words in one round trip) from <c>memory_lexemes</c>, the tsvectors' lexemes as postings in
/// (scope, lexeme, id) order, and ranks them in <see cref="RecallRanking"/>; the rows are read by id.
/// </summary>
internal static class PostgresMemories
{
    public const string DeleteKeyedSql =
        """
        WITH d AS (DELETE FROM memories WHERE scope = $1 AND key = $2 RETURNING id, scope, words)
        DELETE FROM memory_lexemes l USING d WHERE l.scope = d.scope AND l.lexeme = ANY (tsvector_to_array(d.words)) AND l.id = d.id
        """;

    public const string InsertSql =
        """
        WITH m AS (INSERT INTO memories (scope, key, author, at, seq, text) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, scope, words)
        INSERT INTO memory_lexemes (scope, lexeme, id) SELECT m.scope, l, m.id FROM m, unnest(tsvector_to_array(m.words)) l
        """;

    /// <summary>
    /// One word's newest matches: the postings of its longest lexeme (a word is usually one), and when the word has more
    /// (a hyphenated one), only the notes its whole tsquery matches.
    /// </summary>
    private const string WordSql =
        """
        SELECT l.id FROM memory_lexemes l
        WHERE l.scope = $1
          AND l.lexeme = (SELECT x FROM unnest(tsvector_to_array(to_tsvector('english', $2))) x ORDER BY length(x) DESC, x LIMIT 1)
          AND (numnode(plainto_tsquery('english', $2)) = 1
               OR EXISTS (SELECT 1 FROM memories m WHERE m.id = l.id AND m.words @@ plainto_tsquery('english', $2)))
        ORDER BY l.id DESC LIMIT $3
        """;

    public static async Task<IReadOnlyList<RecalledMemory>> RecallAsync(
        NpgsqlConnection connection, string scope, string query, int limit, CancellationToken cancellationToken)
    {
        var words = RecallTerms.Split(query);
        if (words.Count == 0)
        {
            return [];
        }

        var best = RecallRanking.Best(await MatchesAsync(connection, scope, words, cancellationToken), limit);
        if (best.Count == 0)
        {
            return [];
        }

        var found = (await PostgresQueries.ListAsync(
            connection,
            """
            SELECT m.id, m.scope, m.key, m.author, m.at, m.seq, m.text, COALESCE(a.name, m.author)
            FROM memories m LEFT JOIN agents a ON a.id = m.author
            WHERE m.id = ANY($1) AND m.scope = $2
            """,
            reader => (reader.GetInt64(0), new RecalledMemory(
                new MemoryRecord(
                    reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
                    reader.GetInt64(5), reader.GetString(6)),
                reader.GetString(7))),
            cancellationToken,
            best.ToArray(), scope)).ToDictionary(r => r.Item1, r => r.Item2);
        return [.. best.Where(found.ContainsKey).Select(id => found[id])];
    }

    /// <summary>Each word's newest matches in the scope, one query per word, all in one batch.</summary>
    private static async Task<IReadOnlyList<IReadOnlyCollection<long>>> MatchesAsync(
        NpgsqlConnection connection, string scope, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var window = RecallRanking.WindowPerWord(words.Count);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var word in words)
        {
            var command = new NpgsqlBatchCommand(WordSql);
            command.Parameters.Add(new NpgsqlParameter { Value = scope });
            command.Parameters.Add(new NpgsqlParameter { Value = word });
            command.Parameters.Add(new NpgsqlParameter { Value = window });
            batch.BatchCommands.Add(command);
        }

        var matches = new List<IReadOnlyCollection<long>>(words.Count);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        do
        {
            var ids = new List<long>();
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
            }

            matches.Add(ids);
        }
        while (await reader.NextResultAsync(cancellationToken));

        return matches;
    }
}

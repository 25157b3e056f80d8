using Npgsql;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// The memories projection with PostgreSQL's own text search: a stored english tsvector per row (GIN-indexed). A recall is
/// the OR of each of the user's words through plainto_tsquery, so no text is ever read as tsquery syntax.
/// </summary>
internal static class PostgresMemories
{
    public const string DeleteKeyedSql = "DELETE FROM memories WHERE scope = $1 AND key = $2";

    public const string InsertSql = "INSERT INTO memories (scope, key, author, at, seq, text) VALUES ($1, $2, $3, $4, $5, $6)";

    public static async Task<IReadOnlyList<RecalledMemory>> RecallAsync(
        NpgsqlConnection connection, string scope, string query, int limit, CancellationToken cancellationToken)
    {
        var terms = RecallTerms.Split(query);
        if (terms.Count == 0)
        {
            return [];
        }

        return await PostgresQueries.ListAsync(
            connection,
            """
            WITH q AS (
                SELECT tsquery_or_all(t.q) AS q
                FROM (SELECT plainto_tsquery('english', w) AS q FROM unnest($2::text[]) AS w) t
                WHERE numnode(t.q) > 0)
            SELECT m.scope, m.key, m.author, m.at, m.seq, m.text, COALESCE(a.name, m.author)
            FROM memories m CROSS JOIN q
            LEFT JOIN agents a ON a.id = m.author
            WHERE m.scope = $1 AND q.q IS NOT NULL AND m.words @@ q.q
            ORDER BY ts_rank(m.words, q.q) DESC, m.seq DESC
            LIMIT $3
            """,
            reader => new RecalledMemory(
                new MemoryRecord(
                    reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
                    reader.GetInt64(4), reader.GetString(5)),
                reader.GetString(6)),
            cancellationToken,
            scope, terms.ToArray(), limit);
    }
}

using System.Data.Common;
using System.Globalization;

namespace Parler.Hub.Storage.Checks;

/// <summary>
/// Verifies a record over any store's connection (SQLite or PostgreSQL share the facts and streams tables): on SQLite the
/// file's own check first, then each stream's hash chain, only its last <see cref="Tail"/> facts at start, all of them
/// for <c>parler hub check</c>.
/// </summary>
internal static class RecordCheck
{
    /// <summary>How many of each stream's last facts a start checks: enough to catch a cut or garbled tail, cheap on any size.</summary>
    public const int Tail = 8;

    private const int MaxProblems = 20;

    public static async Task<RecordReport> RunAsync(DbConnection connection, bool sqlite, bool full, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (sqlite)
        {
            foreach (var line in await ListAsync(connection, full ? "PRAGMA integrity_check" : "PRAGMA quick_check", r => r.GetString(0), cancellationToken))
            {
                if (line != "ok" && problems.Count < MaxProblems)
                {
                    problems.Add("SQLite: " + line);
                }
            }

            if (problems.Count > 0)
            {
                return new RecordReport(problems, 0, 0, 0);
            }

            if (await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'streams'", cancellationToken) == 0)
            {
                return new RecordReport(problems, 0, 0, 0);
            }
        }

        var (streams, checkedFacts) = await WalkChainsAsync(connection, full ? long.MaxValue / 4 : Tail, problems, cancellationToken);
        foreach (var stream in await ListAsync(
            connection,
            "SELECT s.stream FROM streams s WHERE s.head > 0 AND NOT EXISTS (SELECT 1 FROM facts f WHERE f.stream = s.stream AND f.seq = s.head)",
            r => r.GetString(0),
            cancellationToken))
        {
            problems.Add($"stream {stream}: its last fact is missing");
        }

        if (full && await ScalarAsync(connection, "SELECT COUNT(*) FROM facts f WHERE NOT EXISTS (SELECT 1 FROM streams s WHERE s.stream = f.stream)", cancellationToken) is > 0 and var orphans)
        {
            problems.Add($"{orphans} facts belong to no known stream");
        }

        var held = await ScalarAsync(connection, "SELECT COALESCE(SUM(head), 0) FROM streams", cancellationToken);
        return new RecordReport(problems.Take(MaxProblems).ToList(), streams, checkedFacts, held);
    }

    private static async Task<(int Streams, long Facts)> WalkChainsAsync(DbConnection connection, long tail, List<string> problems, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT s.stream, s.head, s.head_hash, f.seq, f.type, f.at, f.actor, f.principal, f.authority, f.data, f.prev, f.hash
            FROM streams s JOIN facts f ON f.stream = s.stream AND f.seq > s.head - @tail
            ORDER BY s.stream, f.seq
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "tail";
        parameter.Value = tail;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        ChainWalker? walker = null;
        var streams = 0;
        long facts = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var stream = reader.GetString(0);
            if (walker?.Stream != stream)
            {
                Finish(walker, problems, ref facts);
                var head = reader.GetInt64(1);
                walker = new ChainWalker(stream, head, reader.GetString(2), Math.Max(1, head - tail + 1));
                streams++;
            }

            walker.Add(new StoredFact(
                stream, reader.GetInt64(3), reader.GetString(4), reader.GetInt64(5), reader.GetString(6), reader.GetString(7),
                reader.GetString(8), StoreRows.ReadData(reader, 9), reader.GetString(10), reader.GetString(11)));
        }

        Finish(walker, problems, ref facts);
        return (streams, facts);
    }

    private static void Finish(ChainWalker? walker, List<string> problems, ref long facts)
    {
        if (walker is null)
        {
            return;
        }

        facts += walker.Facts;
        if (walker.Finish() is { } problem && problems.Count < MaxProblems)
        {
            problems.Add(problem);
        }
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<List<T>> ListAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}

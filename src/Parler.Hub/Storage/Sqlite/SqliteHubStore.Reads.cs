using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Parler.Hub.Storage.Sqlite;

/// <summary>Reads, each on a pooled connection of its own: readers never block the writer in WAL mode.</summary>
internal sealed partial class SqliteHubStore
{
    /// <summary>A pooled reader; readers never block the writer in WAL mode, and busy waits follow DefaultTimeout.</summary>
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async Task<IReadOnlyList<RecalledMemory>> RecallAsync(string scope, string query, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteMemories.RecallAsync(connection, scope, query, limit, cancellationToken);
    }

    protected override string BlobInsertionOrder => "rowid";

    protected override async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = SqliteQueries.Positional(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    protected override async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = SqliteQueries.Positional(connection, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}

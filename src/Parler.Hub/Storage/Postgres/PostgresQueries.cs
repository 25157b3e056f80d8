using Npgsql;

namespace Parler.Hub.Storage.Postgres;

/// <summary>The reads both the pooled readers and the writer's transaction use, so each query is written once.</summary>
internal static class PostgresQueries
{
    /// <summary>The columns <see cref="StoreRows.ReadRoom"/> expects, for any query that joins rooms r and streams s.</summary>
    public const string RoomColumns = StoreRows.RoomColumns;

    public const string JobColumns = StoreRows.JobColumns;

    public const string RoomSql = $"SELECT {RoomColumns} FROM rooms r JOIN streams s ON s.stream = r.id WHERE r.id = $1";

    public const string CursorSql = "SELECT seq FROM cursors WHERE agent = $1 AND room = $2";

    public const string AgentNameSql = "SELECT name FROM agents WHERE id = $1";

    public const string JobSql = $"SELECT {JobColumns} FROM jobs WHERE job_id = $1";

    public const string WorkerSql = "SELECT 1 FROM workers WHERE queue = $1 AND agent = $2";

    /// <summary>A token by <paramref name="column"/> (token_hash or token_id), as <see cref="StoreRows.ReadToken"/> reads it.</summary>
    public static string TokenSql(string column) => $"SELECT token_id, agent, room, expires_at, revoked FROM tokens WHERE {column} = $1";

    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<T>> ListAsync<T>(
        NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static async Task<RoomRecord?> GetRoomAsync(
        NpgsqlConnection connection, string roomId, RoomStateCache cache, bool committed, CancellationToken cancellationToken) =>
        (await ListAsync(
            connection, RoomSql,
            reader => StoreRows.ReadRoom(reader, cache, committed), cancellationToken, roomId)).SingleOrDefault();

    public static async Task<long> GetCursorAsync(NpgsqlConnection connection, string agentId, string roomId, CancellationToken cancellationToken) =>
        await ScalarAsync(connection, CursorSql, cancellationToken, agentId, roomId) is long seq ? seq : 0;

    public static async Task<string?> GetAgentNameAsync(NpgsqlConnection connection, string agentId, CancellationToken cancellationToken) =>
        await ScalarAsync(connection, AgentNameSql, cancellationToken, agentId) as string;

    public static async Task<TokenRecord?> FindTokenAsync(NpgsqlConnection connection, string column, string value, CancellationToken cancellationToken) =>
        (await ListAsync(
            connection, TokenSql(column), StoreRows.ReadToken, cancellationToken, value)).SingleOrDefault();

    public static Task<IReadOnlyList<StoredFact>> ReadStreamAsync(
        NpgsqlConnection connection, string stream, long afterSeq, int limit, CancellationToken cancellationToken) =>
        ListAsync(
            connection,
            "SELECT seq, type, at, actor, principal, authority, data, prev, hash FROM facts WHERE stream = $1 AND seq > $2 ORDER BY seq LIMIT $3",
            reader => StoreRows.ReadFact(reader, stream),
            cancellationToken,
            stream, afterSeq, limit);

    public static async Task<JobRecord?> GetJobAsync(NpgsqlConnection connection, string jobId, CancellationToken cancellationToken) =>
        (await ListAsync(connection, JobSql, StoreRows.ReadJob, cancellationToken, jobId)).SingleOrDefault();

    public static async Task<bool> IsWorkerAsync(NpgsqlConnection connection, string queue, string agentId, CancellationToken cancellationToken) =>
        await ScalarAsync(connection, WorkerSql, cancellationToken, queue, agentId) is not null;
}

using Microsoft.Data.Sqlite;

namespace Parler.Hub.Storage.Sqlite;

/// <summary>The reads both the pooled readers and the single writer use, so each query is written once.</summary>
internal static class SqliteQueries
{
    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static async Task<RoomRecord?> GetRoomAsync(
        SqliteConnection connection, string roomId, RoomStateCache cache, bool committed, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            $"SELECT {StoreRows.RoomColumns} FROM rooms r JOIN streams s ON s.stream = r.id WHERE r.id = $id",
            ("$id", roomId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? StoreRows.ReadRoom(reader, cache, committed) : null;
    }

    public static async Task<long> GetCursorAsync(SqliteConnection connection, string agentId, string roomId, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection, "SELECT seq FROM cursors WHERE agent = $agent AND room = $room", ("$agent", agentId), ("$room", roomId));
        return await command.ExecuteScalarAsync(cancellationToken) is long seq ? seq : 0;
    }

    public static async Task<string?> GetAgentNameAsync(SqliteConnection connection, string agentId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT name FROM agents WHERE id = $id", ("$id", agentId));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public static async Task<TokenRecord?> FindTokenAsync(
        SqliteConnection connection, string column, string value, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            $"SELECT token_id, agent, room, expires_at, revoked FROM tokens WHERE {column} = $value",
            ("$value", value));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? StoreRows.ReadToken(reader) : null;
    }

    public static async Task<IReadOnlyList<StoredFact>> ReadStreamAsync(
        SqliteConnection connection, string stream, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            "SELECT seq, type, at, actor, principal, authority, data, prev, hash FROM facts " +
            "WHERE stream = $stream AND seq > $after ORDER BY seq LIMIT $limit",
            ("$stream", stream), ("$after", afterSeq), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var facts = new List<StoredFact>();
        while (await reader.ReadAsync(cancellationToken))
        {
            facts.Add(StoreRows.ReadFact(reader, stream));
        }

        return facts;
    }
}

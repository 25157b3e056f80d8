using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Parler.Hub.Rooms;

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

    /// <summary>The columns <see cref="ReadRoom"/> expects, for any query that joins rooms r and streams s.</summary>
    public const string RoomColumns = "r.id, r.version, s.head, s.head_hash, r.state";

    public static async Task<RoomRecord?> GetRoomAsync(
        SqliteConnection connection, string roomId, RoomStateCache cache, bool committed, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            $"SELECT {RoomColumns} FROM rooms r JOIN streams s ON s.stream = r.id WHERE r.id = $id",
            ("$id", roomId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRoom(reader, cache, committed) : null;
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
        return await reader.ReadAsync(cancellationToken) ? ReadToken(reader) : null;
    }

    /// <summary>A token from a row of token_id, agent, room, expires_at, revoked (any store's reader).</summary>
    public static TokenRecord ReadToken(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3), reader.GetBoolean(4));

    /// <summary>A fact of <paramref name="stream"/> from a row of seq, type, at, actor, principal, authority, data, prev, hash.</summary>
    public static StoredFact ReadFact(DbDataReader reader, string stream) =>
        new(
            stream, reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4),
            reader.GetString(5), (JsonObject)JsonNode.Parse(reader.GetString(6))!, reader.GetString(7), reader.GetString(8));

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
            facts.Add(ReadFact(reader, stream));
        }

        return facts;
    }

    /// <summary>
    /// Reads a room from a row of <see cref="RoomColumns"/>, parsing its state only when the cache lacks that version.
    /// Rows read on a reader connection are committed and may fill the cache; the writer's may not.
    /// </summary>
    public static RoomRecord ReadRoom(DbDataReader reader, RoomStateCache cache, bool committed)
    {
        var id = reader.GetString(0);
        var version = reader.GetInt64(1);
        var state = cache.Get(id, version);
        if (state is null)
        {
            state = ParseState(reader.GetString(4));
            if (committed)
            {
                cache.AddCommitted(id, version, state);
            }
        }

        return new RoomRecord(state, reader.GetInt64(2), reader.GetString(3));
    }

    public static RoomState ParseState(string json) =>
        JsonSerializer.Deserialize(json, HubStateJsonContext.Default.RoomState)
        ?? throw new InvalidDataException("A room's stored state is empty.");
}

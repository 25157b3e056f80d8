using Microsoft.Data.Sqlite;

namespace Parler.Hub.Storage.Sqlite;

/// <summary>
/// Which rooms each blob was shared into (and by which fact): the whole of blob readability. An upload is kept here too,
/// under the uploader's own stream, so it may share the bytes it holds.
/// </summary>
internal static class SqliteBlobs
{
    /// <summary>A share row in a real room (an upload's row is under the uploader's stream, which is no room).</summary>
    public const string SharedSql = "SELECT 1 FROM room_blobs b JOIN rooms r ON r.id = b.room WHERE b.hash = $1 LIMIT 1";

    public static Task SaveAsync(SqliteCommandCache commands, string roomId, string hash, long seq, CancellationToken cancellationToken) =>
        commands.Get("INSERT OR IGNORE INTO room_blobs (room, hash, seq) VALUES ($room, $hash, $seq)", ("$room", roomId), ("$hash", hash), ("$seq", seq))
            .ExecuteNonQueryAsync(cancellationToken);

    public static async Task<(string Room, long Seq)?> FindPostingAsync(
        SqliteConnection connection, string agentId, string hash, string? roomId, CancellationToken cancellationToken)
    {
        await using var command = SqliteQueries.Command(
            connection,
            """
            SELECT b.room, b.seq FROM room_blobs b
            JOIN members m ON m.room = b.room AND m.agent = $agent AND m.status = 'active'
            WHERE b.hash = $hash AND ($room IS NULL OR b.room = $room)
            ORDER BY b.rowid DESC LIMIT 1
            """,
            ("$agent", agentId), ("$hash", hash), ("$room", roomId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetInt64(1)) : null;
    }

    /// <summary>Whether the agent uploaded blob <paramref name="hash"/> itself: its own stream's rows, beside the rooms' ones.</summary>
    public static async Task<bool> UploadedAsync(SqliteConnection connection, string agentId, string hash, CancellationToken cancellationToken)
    {
        await using var command = SqliteQueries.Command(
            connection, "SELECT 1 FROM room_blobs WHERE room = $agent AND hash = $hash LIMIT 1", ("$agent", agentId), ("$hash", hash));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public static async Task<IReadOnlyList<StoredFact>> ListRoomFilesAsync(
        SqliteConnection connection, string roomId, long beforeSeq, int limit, CancellationToken cancellationToken)
    {
        await using var command = SqliteQueries.Command(
            connection,
            """
            SELECT f.seq, f.type, f.at, f.actor, f.principal, f.authority, f.data, f.prev, f.hash
            FROM room_blobs b JOIN facts f ON f.stream = b.room AND f.seq = b.seq
            WHERE b.room = $room AND b.seq < $before AND f.type IN ('file.posted', 'bundle.posted')
            ORDER BY b.seq DESC LIMIT $limit
            """,
            ("$room", roomId), ("$before", beforeSeq), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var facts = new List<StoredFact>();
        while (await reader.ReadAsync(cancellationToken))
        {
            facts.Add(StoreRows.ReadFact(reader, roomId));
        }

        return facts;
    }
}

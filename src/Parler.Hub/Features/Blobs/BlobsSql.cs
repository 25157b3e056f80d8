namespace Parler.Hub.Features.Blobs;

/// <summary>
/// Which rooms each blob was shared into (and by which fact): the whole of blob readability, for both engines. An upload
/// is kept here too, under the uploader's own stream, so it may share the bytes it holds.
/// </summary>
internal static class BlobsSql
{
    public const string Save = "INSERT INTO room_blobs (room, hash, seq) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";

    /// <summary>A share row of blob $1 in a real room (an upload's row is under the uploader's stream, which is no room).</summary>
    public const string Shared = "SELECT 1 FROM room_blobs b JOIN rooms r ON r.id = b.room WHERE b.hash = $1 LIMIT 1";

    /// <summary>Whether agent $1 uploaded blob $2 itself: its own stream's rows, beside the rooms' ones.</summary>
    public const string Uploaded = "SELECT 1 FROM room_blobs WHERE room = $1 AND hash = $2 LIMIT 1";

    /// <summary>
    /// The latest posting of blob $2 in a room agent $1 is an active member of (in room $3 only, unless null). Latest by
    /// insertion: <paramref name="insertionOrder"/> is the engine's row order (SQLite's rowid, PostgreSQL's identity).
    /// </summary>
    public static string LatestPosting(string insertionOrder) => $"""
        SELECT b.room, b.seq FROM room_blobs b
        JOIN members m ON m.room = b.room AND m.agent = $1 AND m.status = 'active'
        WHERE b.hash = $2 AND (CAST($3 AS TEXT) IS NULL OR b.room = CAST($3 AS TEXT))
        ORDER BY b.{insertionOrder} DESC LIMIT 1
        """;

    /// <summary>Room $1's file and bundle posts before seq $2, newest first, at most $3.</summary>
    public const string RoomFiles = """
        SELECT f.seq, f.type, f.at, f.actor, f.principal, f.authority, f.data, f.prev, f.hash
        FROM room_blobs b JOIN facts f ON f.stream = b.room AND f.seq = b.seq
        WHERE b.room = $1 AND b.seq < $2 AND f.type IN ('file.posted', 'bundle.posted')
        ORDER BY b.seq DESC LIMIT $3
        """;
}

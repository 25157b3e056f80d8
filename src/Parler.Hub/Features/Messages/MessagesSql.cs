namespace Parler.Hub.Features.Messages;

/// <summary>Reading a stream by seq, and the read cursors, for both engines.</summary>
internal static class MessagesSql
{
    /// <summary>Stream $1's facts after seq $2, at most $3, as <see cref="Storage.StoreRows.ReadFact"/> reads them.</summary>
    public const string ReadStream =
        "SELECT seq, type, at, actor, principal, authority, data, prev, hash FROM facts WHERE stream = $1 AND seq > $2 ORDER BY seq LIMIT $3";

    public const string Cursor = "SELECT seq FROM cursors WHERE agent = $1 AND room = $2";

    public const string SaveCursor =
        "INSERT INTO cursors (agent, room, seq) VALUES ($1, $2, $3) ON CONFLICT (agent, room) DO UPDATE SET seq = excluded.seq";
}

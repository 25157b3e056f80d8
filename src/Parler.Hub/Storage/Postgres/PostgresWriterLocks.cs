using Npgsql;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// The advisory locks a writer batch takes before its transaction's snapshot (see <see cref="PostgresPipeline.Open"/>) and
/// lets go right after its commit. A lock waited for before the snapshot costs no conflict: the batch then sees what the
/// batch it waited for committed. Session locks, released by <see cref="Release"/> or by the end of a connection that failed.
/// </summary>
internal static class PostgresWriterLocks
{
    /// <summary>
    /// The lock that makes a retry win: every batch holds it shared while its transaction runs; a batch that lost a conflict
    /// runs again holding it exclusively, so it waits for the batches in flight and then runs alone. Without it two busy
    /// hubs writing one room could fail each other's batches forever.
    /// </summary>
    private const long WritersKey = 0x7061726c6573;

    /// <summary>
    /// The first key of a room's lock (the second is the room's <see cref="RoomKey"/>); two-key locks never meet the writers' lock.
    /// Two hubs writing one room queue here, and not on the room's head row inside their transactions, where the second
    /// would find the row changed after its snapshot and fail its whole batch (SERIALIZABLE).
    /// </summary>
    private const int RoomClass = 0x70726d6c;

    public const string Release = "SELECT pg_advisory_unlock_all()";

    /// <summary>The writers' lock (shared, or exclusive to run <paramref name="alone"/>), then the hinted rooms' locks in key order.</summary>
    public static List<NpgsqlBatchCommand> Take(bool alone, IEnumerable<string?> rooms)
    {
        var commands = new List<NpgsqlBatchCommand> { new($"SELECT pg_advisory_lock{(alone ? "" : "_shared")}({WritersKey})") };
        var keys = rooms.OfType<string>().Select(RoomKey).Distinct().Order().ToArray();
        if (keys.Length > 0)
        {
            // Always in key order, so two batches never wait for each other's rooms.
            commands.Add(PostgresPipeline.Command($"SELECT count(pg_advisory_lock({RoomClass}, k)) FROM unnest($1::int[]) AS k", keys));
        }

        return commands;
    }

    /// <summary>The same for every hub (FNV-1a of the id); two rooms that share a key only wait for each other.</summary>
    internal static int RoomKey(string room)
    {
        var hash = 2166136261;
        foreach (var c in room)
        {
            hash = (hash ^ c) * 16777619;
        }

        return unchecked((int)hash);
    }
}

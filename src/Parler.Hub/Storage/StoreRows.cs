using System.Data.Common;
using System.Text.Json;
using Parler.Core.Facts;
using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Storage;

/// <summary>Rows to records, for any store's ADO.NET reader: the stores share their column lists, so they share these.</summary>
internal static class StoreRows
{
    /// <summary>The columns <see cref="ReadRoom"/> expects, for any query that joins rooms r and streams s.</summary>
    public const string RoomColumns = "r.id, r.version, s.head, s.head_hash, r.state";

    /// <summary>The columns <see cref="ReadJob"/> expects.</summary>
    public const string JobColumns = "job_id, queue, text, sender, status, worker, lease_until, result, attempts";

    /// <summary>A token from a row of token_id, agent, room, expires_at, revoked.</summary>
    public static TokenRecord ReadToken(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3), reader.GetBoolean(4));

    /// <summary>The Idempotency-Key record of <paramref name="principal"/> and <paramref name="key"/> from a row of request_hash, status, response.</summary>
    public static IdempotencyRecord ReadIdempotency(DbDataReader reader, string principal, string key) =>
        new(principal, key, reader.GetString(0), reader.GetInt32(1), reader.GetString(2));

    /// <summary>A fact of <paramref name="stream"/> from a row of seq, type, at, actor, principal, authority, data, prev, hash.</summary>
    public static StoredFact ReadFact(DbDataReader reader, string stream) =>
        new(
            stream, reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4),
            reader.GetString(5), ReadData(reader, 6), reader.GetString(7), reader.GetString(8));

    /// <summary>A fact's data column as the bytes it holds, never parsed: both engines hand a text column over as UTF-8.</summary>
    public static FactJson ReadData(DbDataReader reader, int ordinal) => FactJson.Of(reader.GetFieldValue<byte[]>(ordinal));

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

    /// <summary>A job from a row of the job columns.</summary>
    public static JobRecord ReadJob(DbDataReader reader) =>
        new(
            reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetInt64(6),
            reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetInt32(8));
}

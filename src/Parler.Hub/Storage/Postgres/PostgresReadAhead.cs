using Npgsql;
using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// What a batch's writes told they will look up (<see cref="WriteHints"/>), read in one round trip at the start of its
/// transaction: the hinted rooms with their stream heads locked (in id order), the idempotency records, whether each
/// nonce is already in its room, and the quota windows. The writes then find these in the session and send no query.
/// </summary>
internal sealed class PostgresReadAhead
{
    /// <summary>Matches the expression and predicate of the facts_nonce index (migration 0005), once per hinted nonce.</summary>
    private const string NoncesSql = """
        SELECT h.room, h.nonce FROM unnest($1::text[], $2::text[]) AS h(room, nonce)
        WHERE EXISTS (SELECT 1 FROM facts f WHERE f.stream = h.room AND (f.data::jsonb ->> 'nonce') = h.nonce
            AND f.type IN ('message.posted', 'handoff.posted', 'bundle.posted', 'file.posted'))
        """;

    private const string IdempotencySql = """
        SELECT i.principal, i.key, i.request_hash, i.status, i.response
        FROM unnest($1::text[], $2::text[]) AS h(principal, key) JOIN idempotency i ON i.principal = h.principal AND i.key = h.key
        """;

    private const string WindowsSql = """
        SELECT w.key, w.window_start, w.used
        FROM unnest($1::text[], $2::bigint[]) AS h(key, window_start) JOIN rate_windows w ON w.key = h.key AND w.window_start = h.window_start
        """;

    public List<string> Rooms { get; } = [];

    public List<RoomRecord> LockedRooms { get; } = [];

    public List<(string Principal, string Key)> IdempotencyKeys { get; } = [];

    public List<IdempotencyRecord> Idempotency { get; } = [];

    public List<(string Room, string Nonce)> Nonces { get; } = [];

    public HashSet<(string Room, string Nonce)> SeenNonces { get; } = [];

    public List<(string Key, long WindowStart)> Windows { get; } = [];

    public List<(string Key, long WindowStart, long Used)> StoredWindows { get; } = [];

    public bool IsEmpty => Rooms.Count == 0 && IdempotencyKeys.Count == 0 && Nonces.Count == 0 && Windows.Count == 0;

    /// <summary>Collects the batch's hints, each row once.</summary>
    public static PostgresReadAhead Collect(IEnumerable<WriteHints?> hints)
    {
        var ahead = new PostgresReadAhead();
        var rooms = new SortedSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<(string, string)>();
        var nonces = new HashSet<(string, string)>();
        var windows = new HashSet<(string, long)>();
        foreach (var hint in hints)
        {
            if (hint is null)
            {
                continue;
            }

            if (hint.Room is { } room)
            {
                rooms.Add(room);
            }

            if (hint.Idempotency is { } key && keys.Add(key))
            {
                ahead.IdempotencyKeys.Add(key);
            }

            if (hint.Nonce is { } nonce && nonces.Add(nonce))
            {
                ahead.Nonces.Add(nonce);
            }

            ahead.Windows.AddRange(hint.Windows.Where(windows.Add));
        }

        ahead.Rooms.AddRange(rooms);
        return ahead;
    }

    /// <summary>Reads everything hinted in one round trip, the first of the transaction.</summary>
    public Task ReadAsync(PostgresPipeline pipeline, RoomStateCache cache, CancellationToken stopping)
    {
        // Planned for the record as it is now: a prepared statement's generic plan, made while the tables were small, would
        // scan all of facts for each batch's nonces long after they grew (until the next ANALYZE). Only these queries: the
        // rest of the batch (the chain trigger's lookup above all) keeps its cached plans.
        var queries = new List<NpgsqlBatchCommand> { new("SET LOCAL plan_cache_mode = force_custom_plan") };
        queries.AddRange(Rooms.Select(room => PostgresPipeline.Command(RoomsSql.Room + " FOR UPDATE OF s", room)));
        queries.Add(PostgresPipeline.Command(IdempotencySql, IdempotencyKeys.Select(k => k.Principal).ToArray(), IdempotencyKeys.Select(k => k.Key).ToArray()));
        queries.Add(PostgresPipeline.Command(NoncesSql, Nonces.Select(n => n.Room).ToArray(), Nonces.Select(n => n.Nonce).ToArray()));
        queries.Add(PostgresPipeline.Command(WindowsSql, Windows.Select(w => w.Key).ToArray(), Windows.Select(w => w.WindowStart).ToArray()));
        queries.Add(new NpgsqlBatchCommand("SET LOCAL plan_cache_mode TO DEFAULT"));
        return pipeline.ReadAsync(queries, reader => ReadRowsAsync(reader, cache, stopping));
    }

    private async Task ReadRowsAsync(NpgsqlDataReader reader, RoomStateCache cache, CancellationToken stopping)
    {
        for (var i = 0; i < Rooms.Count; i++)
        {
            while (await reader.ReadAsync(stopping))
            {
                LockedRooms.Add(StoreRows.ReadRoom(reader, cache, committed: false));
            }

            await reader.NextResultAsync(stopping);
        }

        while (await reader.ReadAsync(stopping))
        {
            Idempotency.Add(new IdempotencyRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4)));
        }

        await reader.NextResultAsync(stopping);
        while (await reader.ReadAsync(stopping))
        {
            SeenNonces.Add((reader.GetString(0), reader.GetString(1)));
        }

        await reader.NextResultAsync(stopping);
        while (await reader.ReadAsync(stopping))
        {
            StoredWindows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }
    }
}

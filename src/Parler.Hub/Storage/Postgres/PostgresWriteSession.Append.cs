using Parler.Core.Facts;

namespace Parler.Hub.Storage.Postgres;

/// <summary>Appending a fact under its stream's head, which this transaction holds from its first read of it to the commit.</summary>
internal sealed partial class PostgresWriteSession
{
    private const string InsertFact =
        "INSERT INTO facts (stream, seq, type, at, actor, principal, authority, data, prev, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

    private const string InsertFactAndHead = $"""
        WITH fact AS ({InsertFact} RETURNING stream, seq, hash)
        INSERT INTO streams (stream, head, head_hash) SELECT stream, seq, hash FROM fact
        ON CONFLICT (stream) DO UPDATE SET head = excluded.head, head_hash = excluded.head_hash
        """;

    public async Task<StoredFact> AppendAsync(string stream, FactDraft draft, CancellationToken cancellationToken)
    {
        // The head row lock orders every writer of this stream, in this hub or another: seq is assigned under it.
        if (!_lockedHeads.TryGet(stream, out var head))
        {
            head = (await _pipeline.QueryAsync(
                "SELECT head, head_hash FROM streams WHERE stream = $1 FOR UPDATE",
                reader => (Seq: reader.GetInt64(0), Hash: reader.GetString(1)), stream)).SingleOrDefault();
        }

        var seq = head.Seq + 1;
        var prev = head.Hash ?? FactHash.Genesis;
        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        var hash = FactHash.Compute(stream, seq, draft.Type, at, draft.Actor, draft.Principal, draft.Authority, draft.Data, prev);
        var fact = new StoredFact(stream, seq, draft.Type, at, draft.Actor, draft.Principal, draft.Authority, draft.Data, prev, hash);

        // A stream with a head row (locked by this transaction) moves it once for the whole batch, before the commit
        // (WriteHeads). A new stream has no row to lock: its first insert holds the key, and a second hub's insert of it waits for us.
        var hasHead = head.Hash is not null;
        _pipeline.Defer(
            hasHead ? InsertFact : InsertFactAndHead,
            stream, seq, draft.Type, at, draft.Actor, draft.Principal, draft.Authority, draft.CanonicalText, prev, hash);
        if (hasHead)
        {
            _movedHeads.Set(_write, stream, (seq, hash));
        }

        _lockedHeads.Set(_write, stream, (seq, hash));
        if (_lockedRooms.TryGet(stream, out var room) && room is not null)
        {
            _lockedRooms.Set(_write, stream, room with { Head = seq, HeadHash = hash });
        }

        // A signed post's nonce is now in its room: a later write of the batch finds it there. It is the nonce this write
        // just checked; after a post appended without that check, the room's nonces are asked of the server again.
        if (IsSignedPost(draft.Type))
        {
            if (_checkedNonce is { } claimed && claimed.Write == _write && claimed.Room == stream)
            {
                _nonces.Set(_write, (stream, claimed.Nonce), true);
            }
            else
            {
                _noncesUnsure.Set(_write, stream, true);
            }

            _checkedNonce = null;
        }

        await Projector.ApplyAsync(fact, this, cancellationToken);
        _touched.Add(stream);
        WakeKeys.Add(fact, _touched);
        return fact;
    }

    /// <summary>Moves the head row of every stream this batch appended to, in one statement queued for the commit.</summary>
    public void WriteHeads()
    {
        var moved = _movedHeads.Current().ToList();
        if (moved.Count > 0)
        {
            _pipeline.Defer(
                """
                UPDATE streams AS s SET head = h.head, head_hash = h.hash
                FROM unnest($1::text[], $2::bigint[], $3::text[]) AS h(stream, head, hash) WHERE s.stream = h.stream
                """,
                moved.Select(m => m.Key).ToArray(), moved.Select(m => m.Value.Seq).ToArray(), moved.Select(m => m.Value.Hash).ToArray());
        }
    }

    /// <summary>The batch's quota charges in one upsert, in key order (two hubs charging the same windows take their rows alike).</summary>
    public override Task WriteQuotasAsync(CancellationToken cancellationToken)
    {
        var charges = Quotas.Unwritten().OrderBy(c => c.Key, StringComparer.Ordinal).ThenBy(c => c.WindowStart).ToList();
        if (charges.Count > 0)
        {
            _pipeline.Defer(
                """
                INSERT INTO rate_windows (key, window_start, used)
                SELECT c.key, c.window_start, c.used
                FROM unnest($1::text[], $2::bigint[], $3::bigint[]) WITH ORDINALITY AS c(key, window_start, used, n) ORDER BY c.n
                ON CONFLICT (key, window_start) DO UPDATE SET used = rate_windows.used + excluded.used
                """,
                charges.Select(c => c.Key).ToArray(), charges.Select(c => c.WindowStart).ToArray(), charges.Select(c => c.Amount).ToArray());
        }

        return Task.CompletedTask;
    }

    private static bool IsSignedPost(string type) =>
        type is FactTypes.MessagePosted or FactTypes.HandoffPosted or FactTypes.BundlePosted or FactTypes.FilePosted;
}

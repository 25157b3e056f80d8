using Parler.Core.Facts;

namespace Parler.Hub.Storage.Postgres;

/// <summary>Appending a fact under its stream's head, which this transaction holds from its first read of it to the commit.</summary>
internal sealed partial class PostgresWriteSession
{
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

        // A new stream has no row to lock: its first insert below holds the key, and a second hub's insert of it waits for us.
        _pipeline.Defer(
            """
            WITH fact AS (
                INSERT INTO facts (stream, seq, type, at, actor, principal, authority, data, prev, hash)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING stream, seq, hash)
            INSERT INTO streams (stream, head, head_hash) SELECT stream, seq, hash FROM fact
            ON CONFLICT (stream) DO UPDATE SET head = excluded.head, head_hash = excluded.head_hash
            """,
            stream, seq, draft.Type, at, draft.Actor, draft.Principal, draft.Authority, draft.CanonicalText, prev, hash);
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

    private static bool IsSignedPost(string type) =>
        type is FactTypes.MessagePosted or FactTypes.HandoffPosted or FactTypes.BundlePosted or FactTypes.FilePosted;
}

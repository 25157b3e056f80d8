namespace Parler.Hub.Storage.Postgres;

/// <summary>The writer's lookups PostgreSQL answers its own way: from what the batch read ahead, or with a query of its own.</summary>
internal sealed partial class PostgresWriteSession
{
    /// <summary>No index on window_start (it would cost every charge): the scan is over a table the sweep keeps small.</summary>
    public async Task<int> SweepWindowsAsync(long startedBefore, int limit, CancellationToken cancellationToken) =>
        (int)(long)(await _pipeline.ScalarAsync(
            """
            WITH gone AS (
                DELETE FROM rate_windows WHERE ctid = ANY(ARRAY(
                    SELECT ctid FROM rate_windows WHERE window_start > 0 AND window_start < $1 LIMIT $2))
                RETURNING 1)
            SELECT count(*) FROM gone
            """,
            startedBefore, limit))!;

    /// <summary>
    /// Matches the expression and predicate of the facts_nonce index (migration 0005). A nonce read ahead, or posted by an
    /// earlier write of this batch, is answered here.
    /// </summary>
    public async Task<bool> NonceSeenAsync(string roomId, string nonce, CancellationToken cancellationToken)
    {
        if (_noncesUnsure.TryGet(roomId, out _) || !_nonces.TryGet((roomId, nonce), out var seen))
        {
            seen = await _pipeline.ScalarAsync(
                """
                SELECT 1 FROM facts WHERE stream = $1 AND (data::jsonb ->> 'nonce') = $2
                AND type IN ('message.posted', 'handoff.posted', 'bundle.posted', 'file.posted') LIMIT 1
                """,
                roomId, nonce) is not null;
        }

        _checkedNonce = seen ? null : (roomId, nonce, _write);
        return seen;
    }

    public override async Task<IdempotencyRecord?> FindIdempotencyAsync(string principal, string key, CancellationToken cancellationToken) =>
        _idempotency.TryGet((principal, key), out var known) ? known : await base.FindIdempotencyAsync(principal, key, cancellationToken);

    public override Task SaveIdempotencyAsync(IdempotencyRecord record, CancellationToken cancellationToken)
    {
        _idempotency.Set(_write, (record.Principal, record.Key), record);
        return base.SaveIdempotencyAsync(record, cancellationToken);
    }
}

namespace Parler.Hub.Storage;

/// <summary>The view of the store inside one write: reads see this write's own appends.</summary>
internal interface IStoreWriter
{
    Task<RoomRecord?> GetRoomAsync(string roomId, CancellationToken cancellationToken);

    Task<InviteLookup?> FindInviteAsync(string codeHash, CancellationToken cancellationToken);

    Task<string?> GetAgentNameAsync(string agentId, CancellationToken cancellationToken);

    Task<TokenRecord?> FindTokenByIdAsync(string tokenId, CancellationToken cancellationToken);

    /// <summary>The ids of the agent's tokens neither revoked nor expired at <paramref name="now"/> (unix ms), the first to expire first.</summary>
    Task<IReadOnlyList<string>> LiveTokenIdsAsync(string agentId, long now, CancellationToken cancellationToken);

    /// <summary>Whether the room already holds a signed post (message, handoff, bundle, file) with this nonce.</summary>
    Task<bool> NonceSeenAsync(string roomId, string nonce, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="amount"/> to a quota window and returns what it holds now (in this write: rolled back with it).</summary>
    Task<long> CountAsync(string key, long windowStart, long amount, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes at most <paramref name="limit"/> quota windows that began before <paramref name="startedBefore"/> (unix ms),
    /// never one that never resets (start 0), and says how many went. See <see cref="Limits.WindowSweeper"/>.
    /// </summary>
    Task<int> SweepWindowsAsync(long startedBefore, int limit, CancellationToken cancellationToken);

    Task<bool> ChallengeUsedAsync(string challenge, CancellationToken cancellationToken);

    Task<long> GetCursorAsync(string agentId, string roomId, CancellationToken cancellationToken);

    Task<bool> IsWorkerAsync(string queue, string agentId, CancellationToken cancellationToken);

    /// <summary>The queue's owner (null: nobody served it yet) and the agents it allowed to serve ("*": anyone).</summary>
    Task<(string? Owner, IReadOnlyList<string> Allowed)> GetQueueAccessAsync(string queue, CancellationToken cancellationToken);

    Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>The queue's oldest job that is queued or whose lease ended before <paramref name="now"/> (unix ms).</summary>
    Task<JobRecord?> FindLeasableJobAsync(string queue, long now, CancellationToken cancellationToken);

    /// <summary>When the earliest live lease of the queue ends (unix ms), or null when no job is leased.</summary>
    Task<long?> NextLeaseEndAsync(string queue, CancellationToken cancellationToken);

    /// <summary>Appends a fact at the stream's next sequence number and applies it to the projections.</summary>
    Task<StoredFact> AppendAsync(string stream, FactDraft draft, CancellationToken cancellationToken);

    Task<IdempotencyRecord?> FindIdempotencyAsync(string principal, string key, CancellationToken cancellationToken);

    Task SaveIdempotencyAsync(IdempotencyRecord record, CancellationToken cancellationToken);
}

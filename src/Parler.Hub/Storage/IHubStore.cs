namespace Parler.Hub.Storage;

/// <summary>
/// The append-only fact log and the projections derived from it. Every write runs inside
/// <see cref="WriteAsync{T}(Func{IStoreWriter, CancellationToken, Task{T}}, CancellationToken)"/>: facts and projections commit together or not at all, and a stream's
/// sequence numbers follow commit order.
/// </summary>
internal interface IHubStore : IAsyncDisposable
{
    /// <summary>Raised after a commit with the streams that gained facts. A wake-up signal only: readers catch up from cursors.</summary>
    event Action<IReadOnlyCollection<string>>? Committed;

    /// <summary>Whether writes commit now (hub.health); the writer reports every failed and every good commit to it.</summary>
    StoreHealth Health { get; }

    Task InitializeAsync(CancellationToken cancellationToken);

    Task<HubMeta> GetMetaAsync(CancellationToken cancellationToken);

    Task<T> WriteAsync<T>(Func<IStoreWriter, CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>A write that tells what it will look up (<see cref="WriteHints"/>), so the store may read it with the rest of its batch.</summary>
    Task<T> WriteAsync<T>(Func<IStoreWriter, CancellationToken, Task<T>> work, WriteHints? hints, CancellationToken cancellationToken);

    Task<TokenRecord?> FindTokenAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>The committed record of an Idempotency-Key, read outside the writer (a writer's own lookup sees its batch too).</summary>
    Task<IdempotencyRecord?> FindIdempotencyAsync(string principal, string key, CancellationToken cancellationToken);

    Task<RoomRecord?> GetRoomAsync(string roomId, CancellationToken cancellationToken);

    /// <summary>The rooms where the agent is an active member, with its cursor and unread count in each.</summary>
    Task<IReadOnlyList<RoomSummary>> ListRoomsAsync(string agentId, CancellationToken cancellationToken);

    /// <summary>The agent's active rooms with this exact name (names are not unique across a hub).</summary>
    Task<IReadOnlyList<RoomRecord>> FindRoomsByNameAsync(string agentId, string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredFact>> ReadStreamAsync(string stream, long afterSeq, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the stream's facts after <paramref name="afterSeq"/>, at most <paramref name="limit"/> and none after
    /// <paramref name="head"/>, each as its EventView JSON, to <paramref name="facts"/>.
    /// </summary>
    Task<WrittenFacts> WriteStreamAsync(string stream, long afterSeq, long head, int limit, FactWire facts, CancellationToken cancellationToken);

    /// <summary>
    /// A full-text search of one scope's current memories (a room id, or an agent id for its private memory): rows
    /// matching any term of <paramref name="query"/>, best first. The query is the user's text, never engine syntax.
    /// </summary>
    Task<IReadOnlyList<RecalledMemory>> RecallAsync(string scope, string query, int limit, CancellationToken cancellationToken);

    Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken);

    Task<bool> IsWorkerAsync(string queue, string agentId, CancellationToken cancellationToken);

    /// <summary>The ids of <paramref name="space"/> that start with <paramref name="prefix"/> (lower case) and that <paramref name="agentId"/> may name.</summary>
    Task<IReadOnlyList<string>> FindIdsAsync(IdSpace space, string prefix, string agentId, CancellationToken cancellationToken);

    /// <summary>
    /// A page of a queue's jobs, newest first: those enqueued before <paramref name="beforeJobId"/> (all when null), only
    /// <paramref name="sender"/>'s when given.
    /// </summary>
    Task<IReadOnlyList<JobRecord>> ListJobsAsync(string queue, string? sender, string? beforeJobId, int limit, CancellationToken cancellationToken);

    /// <summary>A page of the file.posted and bundle.posted facts of a room, newest first, with seq below <paramref name="beforeSeq"/>.</summary>
    Task<IReadOnlyList<StoredFact>> ListRoomFilesAsync(string roomId, long beforeSeq, int limit, CancellationToken cancellationToken);

    Task<long> GetCursorAsync(string agentId, string roomId, CancellationToken cancellationToken);

    Task<string?> GetAgentNameAsync(string agentId, CancellationToken cancellationToken);

    /// <summary>Every agent's latest card (agent id, the published JSON); readers filter by visibility.</summary>
    Task<IReadOnlyList<(string AgentId, string Card)>> ListCardsAsync(CancellationToken cancellationToken);

    /// <summary>What a quota window holds (0 when nothing was counted in it).</summary>
    Task<long> ReadCountAsync(string key, long windowStart, CancellationToken cancellationToken);

    /// <summary>Whether blob <paramref name="hash"/> was shared into any room (a file or bundle fact references it).</summary>
    Task<bool> IsBlobSharedAsync(string hash, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="agentId"/> uploaded blob <paramref name="hash"/> itself (a blob.uploaded fact on its stream).</summary>
    Task<bool> HasUploadedAsync(string agentId, string hash, CancellationToken cancellationToken);

    /// <summary>
    /// The latest fact that shared blob <paramref name="hash"/> into a room where <paramref name="agentId"/> is an active
    /// member (only room <paramref name="roomId"/> when given), as its room and seq; null when the agent may not read it.
    /// </summary>
    Task<(string Room, long Seq)?> FindBlobPostingAsync(string agentId, string hash, string? roomId, CancellationToken cancellationToken);
}

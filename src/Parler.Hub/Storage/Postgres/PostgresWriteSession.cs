using System.Text.Json;
using Npgsql;
using Parler.Core.Facts;
using Parler.Hub.Rooms;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// The writer's view inside one batch transaction (SERIALIZABLE): appends facts under their stream's head row lock
/// and keeps the projections in step. A conflict with another hub surfaces as a serialization failure and the batch is retried.
/// </summary>
internal sealed class PostgresWriteSession(NpgsqlConnection connection, TimeProvider time, RoomStateCache cache)
    : IStoreWriter, IProjectionTarget
{
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> TouchedStreams => _touched;

    public Task<RoomRecord?> GetRoomAsync(string roomId, CancellationToken cancellationToken) =>
        PostgresQueries.GetRoomAsync(connection, roomId, cache, committed: false, cancellationToken);

    public async Task<RoomState?> LoadRoomStateAsync(string roomId, CancellationToken cancellationToken) =>
        (await GetRoomAsync(roomId, cancellationToken))?.State;

    public Task<string?> GetAgentNameAsync(string agentId, CancellationToken cancellationToken) =>
        PostgresQueries.GetAgentNameAsync(connection, agentId, cancellationToken);

    public Task<TokenRecord?> FindTokenByIdAsync(string tokenId, CancellationToken cancellationToken) =>
        PostgresQueries.FindTokenAsync(connection, "token_id", tokenId, cancellationToken);

    public Task<long> GetCursorAsync(string agentId, string roomId, CancellationToken cancellationToken) =>
        PostgresQueries.GetCursorAsync(connection, agentId, roomId, cancellationToken);

    public async Task<bool> ChallengeUsedAsync(string challenge, CancellationToken cancellationToken) =>
        await PostgresQueries.ScalarAsync(connection, "SELECT 1 FROM tokens WHERE challenge = $1", cancellationToken, challenge) is not null;

    public async Task<InviteLookup?> FindInviteAsync(string codeHash, CancellationToken cancellationToken) =>
        (await PostgresQueries.ListAsync(
            connection, "SELECT invite_id, room FROM invites WHERE code_hash = $1",
            reader => new InviteLookup(reader.GetString(0), reader.GetString(1)), cancellationToken, codeHash)).SingleOrDefault();

    public async Task<StoredFact> AppendAsync(string stream, FactDraft draft, CancellationToken cancellationToken)
    {
        // The head row lock orders every writer of this stream, in this hub or another: seq is assigned under it.
        var head = (await PostgresQueries.ListAsync(
            connection, "SELECT head, head_hash FROM streams WHERE stream = $1 FOR UPDATE",
            reader => (Seq: reader.GetInt64(0), Hash: reader.GetString(1)), cancellationToken, stream)).SingleOrDefault();
        var seq = head.Seq + 1;
        var prev = head.Hash ?? FactHash.Genesis;
        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        var hash = FactHash.Compute(stream, seq, draft.Type, at, draft.Actor, draft.Principal, draft.Authority, draft.Data, prev);
        var fact = new StoredFact(stream, seq, draft.Type, at, draft.Actor, draft.Principal, draft.Authority, draft.Data, prev, hash);
        await PostgresQueries.ExecuteAsync(
            connection,
            """
            WITH fact AS (
                INSERT INTO facts (stream, seq, type, at, actor, principal, authority, data, prev, hash)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING stream, seq, hash)
            INSERT INTO streams (stream, head, head_hash) SELECT stream, seq, hash FROM fact
            ON CONFLICT (stream) DO UPDATE SET head = excluded.head, head_hash = excluded.head_hash
            """,
            cancellationToken,
            stream, seq, draft.Type, at, draft.Actor, draft.Principal, draft.Authority, draft.Data.ToJsonString(), prev, hash);
        await Projector.ApplyAsync(fact, this, cancellationToken);
        _touched.Add(stream);
        return fact;
    }

    public async Task<IdempotencyRecord?> FindIdempotencyAsync(string principal, string key, CancellationToken cancellationToken) =>
        (await PostgresQueries.ListAsync(
            connection, "SELECT request_hash, status, response FROM idempotency WHERE principal = $1 AND key = $2",
            reader => new IdempotencyRecord(principal, key, reader.GetString(0), reader.GetInt32(1), reader.GetString(2)),
            cancellationToken, principal, key)).SingleOrDefault();

    public Task SaveIdempotencyAsync(IdempotencyRecord record, CancellationToken cancellationToken) =>
        Execute(
            "INSERT INTO idempotency (principal, key, request_hash, status, response) VALUES ($1, $2, $3, $4, $5)",
            cancellationToken, record.Principal, record.Key, record.RequestHash, record.Status, record.Response);

    public Task SaveRoomAsync(RoomState state, long version, CancellationToken cancellationToken) =>
        Execute(
            "INSERT INTO rooms (id, name, kind, version, state) VALUES ($1, $2, $3, $4, $5) " +
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, version = excluded.version, state = excluded.state",
            cancellationToken,
            state.Id, state.Name, state.Kind, version, JsonSerializer.Serialize(state, HubStateJsonContext.Default.RoomState));

    public Task SaveMemberAsync(string roomId, MemberState member, CancellationToken cancellationToken) =>
        Execute(
            "INSERT INTO members (room, agent, role, status) VALUES ($1, $2, $3, $4) " +
            "ON CONFLICT (room, agent) DO UPDATE SET role = excluded.role, status = excluded.status",
            cancellationToken, roomId, member.AgentId, member.Role, member.Status);

    public Task SaveInviteAsync(string codeHash, string inviteId, string roomId, CancellationToken cancellationToken) =>
        Execute("INSERT INTO invites (code_hash, invite_id, room) VALUES ($1, $2, $3)", cancellationToken, codeHash, inviteId, roomId);

    public Task SaveAgentAsync(string agentId, string name, CancellationToken cancellationToken) =>
        Execute("INSERT INTO agents (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = excluded.name", cancellationToken, agentId, name);

    public Task SaveMemoryAsync(MemoryRecord memory, CancellationToken cancellationToken) =>
        PostgresMemories.SaveAsync(connection, memory, cancellationToken);

    public Task SaveWorkerAsync(string queue, string agentId, CancellationToken cancellationToken) =>
        Execute("INSERT INTO workers (queue, agent) VALUES ($1, $2) ON CONFLICT DO NOTHING", cancellationToken, queue, agentId);

    public Task SaveJobAsync(JobRecord job, CancellationToken cancellationToken) =>
        Execute(
            $"""
            INSERT INTO jobs ({PostgresQueries.JobColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (job_id) DO UPDATE SET status = excluded.status, worker = excluded.worker,
                lease_until = excluded.lease_until, result = excluded.result, attempts = excluded.attempts
            """,
            cancellationToken,
            job.JobId, job.Queue, job.Text, job.Sender, job.Status, job.Worker, job.LeaseUntil, job.Result, job.Attempts);

    public Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken) =>
        PostgresQueries.GetJobAsync(connection, jobId, cancellationToken);

    public Task<bool> IsWorkerAsync(string queue, string agentId, CancellationToken cancellationToken) =>
        PostgresQueries.IsWorkerAsync(connection, queue, agentId, cancellationToken);

    public async Task<JobRecord?> FindLeasableJobAsync(string queue, long now, CancellationToken cancellationToken) =>
        (await PostgresQueries.ListAsync(
            connection,
            $"""
            SELECT {PostgresQueries.JobColumns} FROM jobs
            WHERE queue = $1 AND (status = 'queued' OR (status = 'leased' AND lease_until < $2))
            ORDER BY id LIMIT 1
            """,
            StoreRows.ReadJob, cancellationToken, queue, now)).SingleOrDefault();

    public async Task<long?> NextLeaseEndAsync(string queue, CancellationToken cancellationToken) =>
        await PostgresQueries.ScalarAsync(
            connection, "SELECT MIN(lease_until) FROM jobs WHERE queue = $1 AND status = 'leased'", cancellationToken, queue) is long until
            ? until
            : null;

    public Task SaveRoomBlobAsync(string roomId, string hash, long seq, CancellationToken cancellationToken) =>
        Execute("INSERT INTO room_blobs (room, hash, seq) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", cancellationToken, roomId, hash, seq);

    public Task SaveTokenAsync(string tokenHash, string challenge, TokenRecord token, CancellationToken cancellationToken) =>
        Execute(
            "INSERT INTO tokens (token_hash, token_id, agent, room, expires_at, challenge) VALUES ($1, $2, $3, $4, $5, $6)",
            cancellationToken, tokenHash, token.TokenId, token.AgentId, token.Room, token.ExpiresAt, challenge);

    public Task RevokeTokenAsync(string tokenId, CancellationToken cancellationToken) =>
        Execute("UPDATE tokens SET revoked = true WHERE token_id = $1", cancellationToken, tokenId);

    public Task SaveCursorAsync(string agentId, string roomId, long seq, CancellationToken cancellationToken) =>
        Execute(
            "INSERT INTO cursors (agent, room, seq) VALUES ($1, $2, $3) ON CONFLICT (agent, room) DO UPDATE SET seq = excluded.seq",
            cancellationToken, agentId, roomId, seq);

    public Task SaveCardAsync(string agentId, string card, CancellationToken cancellationToken) =>
        Execute("INSERT INTO cards (agent, card) VALUES ($1, $2) ON CONFLICT (agent) DO UPDATE SET card = excluded.card", cancellationToken, agentId, card);

    private Task Execute(string sql, CancellationToken cancellationToken, params object?[] parameters) =>
        PostgresQueries.ExecuteAsync(connection, sql, cancellationToken, parameters);
}

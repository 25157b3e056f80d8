using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parler.Core.Facts;
using Parler.Hub.Features.Rooms;
using Parler.Hub.Limits;

namespace Parler.Hub.Storage.Sqlite;

/// <summary>The writer's view inside one batch transaction: appends facts and keeps the projections in step.</summary>
internal sealed class SqliteWriteSession(SqliteConnection connection, SqliteCommandCache commands, TimeProvider time, RoomStateCache cache)
    : IStoreWriter, IProjectionTarget
{
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Seq, string Hash)> _heads = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> TouchedStreams => _touched;

    /// <summary>Facts appended by the writes still standing in this batch (a write undone by its savepoint takes its own back).</summary>
    public int Appended { get; set; }

    /// <summary>
    /// Reads the room with a compiled statement and keeps its head: the writer holds the record alone (BEGIN IMMEDIATE), so
    /// the append that usually follows needs no read of its own (kept in step with this session's appends; see <see cref="Forget"/>).
    /// </summary>
    public async Task<RoomRecord?> GetRoomAsync(string roomId, CancellationToken cancellationToken)
    {
        RoomRecord? room;
        var command = commands.Get($"SELECT {StoreRows.RoomColumns} FROM rooms r JOIN streams s ON s.stream = r.id WHERE r.id = $id", ("$id", roomId));
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            room = await reader.ReadAsync(cancellationToken) ? StoreRows.ReadRoom(reader, cache, committed: false) : null;
        }

        if (room is not null)
        {
            _heads[roomId] = (room.Head, room.HeadHash);
        }

        return room;
    }

    /// <summary>A write rolled back: what this session knew of stream heads may have been undone with it.</summary>
    public void Forget() => _heads.Clear();

    public async Task<RoomState?> LoadRoomStateAsync(string roomId, CancellationToken cancellationToken) =>
        (await GetRoomAsync(roomId, cancellationToken))?.State;

    public Task<string?> GetAgentNameAsync(string agentId, CancellationToken cancellationToken) =>
        SqliteQueries.GetAgentNameAsync(connection, agentId, cancellationToken);

    public Task<TokenRecord?> FindTokenByIdAsync(string tokenId, CancellationToken cancellationToken) =>
        SqliteQueries.FindTokenAsync(connection, "token_id", tokenId, cancellationToken);

    public Task<long> GetCursorAsync(string agentId, string roomId, CancellationToken cancellationToken) =>
        SqliteQueries.GetCursorAsync(connection, agentId, roomId, cancellationToken);

    public async Task<bool> ChallengeUsedAsync(string challenge, CancellationToken cancellationToken)
    {
        await using var command = SqliteQueries.Command(connection, "SELECT 1 FROM tokens WHERE challenge = $c", ("$c", challenge));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>This batch's quota charges, written once per window by <see cref="WriteQuotasAsync"/> before the commit.</summary>
    public QuotaTally Quotas { get; } = new();

    public Task<long> CountAsync(string key, long windowStart, long amount, CancellationToken cancellationToken) =>
        Quotas.ChargeAsync(key, windowStart, amount, (k, w) => SqliteCounters.ReadAsync(commands, k, w, cancellationToken));

    public async Task WriteQuotasAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, windowStart, amount) in Quotas.Unwritten())
        {
            await SqliteCounters.AddAsync(commands, key, windowStart, amount, cancellationToken);
        }
    }

    public Task<int> SweepWindowsAsync(long startedBefore, int limit, CancellationToken cancellationToken) =>
        SqliteCounters.SweepAsync(commands, startedBefore, limit, cancellationToken);

    public Task<bool> NonceSeenAsync(string roomId, string nonce, CancellationToken cancellationToken) =>
        SqliteNonces.SeenAsync(commands, roomId, nonce, cancellationToken);

    public async Task<InviteLookup?> FindInviteAsync(string codeHash, CancellationToken cancellationToken)
    {
        await using var command = SqliteQueries.Command(
            connection, "SELECT invite_id, room FROM invites WHERE code_hash = $hash", ("$hash", codeHash));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new InviteLookup(reader.GetString(0), reader.GetString(1)) : null;
    }

    public async Task<StoredFact> AppendAsync(string stream, FactDraft draft, CancellationToken cancellationToken)
    {
        if (!_heads.TryGetValue(stream, out var known))
        {
            known = (0, FactHash.Genesis);
            var command = commands.Get("SELECT head, head_hash FROM streams WHERE stream = $stream", ("$stream", stream));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                known = (reader.GetInt64(0), reader.GetString(1));
            }
        }

        var (head, prev) = known;

        var seq = head + 1;
        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        var hash = FactHash.Compute(stream, seq, draft.Type, at, draft.Actor, draft.Principal, draft.Authority, draft.CanonicalData, prev);
        var fact = new StoredFact(stream, seq, draft.Type, at, draft.Actor, draft.Principal, draft.Authority, draft.Data, prev, hash);
        await ExecuteAsync(
            """
            INSERT INTO facts (stream, seq, type, at, actor, principal, authority, data, prev, hash)
            VALUES ($stream, $seq, $type, $at, $actor, $principal, $authority, $data, $prev, $hash);
            INSERT INTO streams (stream, head, head_hash) VALUES ($stream, $seq, $hash)
            ON CONFLICT (stream) DO UPDATE SET head = excluded.head, head_hash = excluded.head_hash;
            """,
            cancellationToken,
            ("$stream", stream), ("$seq", seq), ("$type", draft.Type), ("$at", at), ("$actor", draft.Actor),
            ("$principal", draft.Principal), ("$authority", draft.Authority), ("$data", draft.CanonicalData),
            ("$prev", prev), ("$hash", hash));
        _heads[stream] = (seq, hash);
        await Projector.ApplyAsync(fact, this, cancellationToken);
        _touched.Add(stream);
        WakeKeys.Add(fact, _touched);
        Appended++;
        return fact;
    }

    public async Task<IdempotencyRecord?> FindIdempotencyAsync(string principal, string key, CancellationToken cancellationToken)
    {
        var command = commands.Get(
            "SELECT request_hash, status, response FROM idempotency WHERE principal = $p AND key = $k",
            ("$p", principal), ("$k", key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new IdempotencyRecord(principal, key, reader.GetString(0), reader.GetInt32(1), reader.GetString(2))
            : null;
    }

    public Task SaveIdempotencyAsync(IdempotencyRecord record, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO idempotency (principal, key, request_hash, status, response) VALUES ($p, $k, $h, $s, $r)",
            cancellationToken,
            ("$p", record.Principal), ("$k", record.Key), ("$h", record.RequestHash), ("$s", record.Status), ("$r", record.Response));

    public Task SaveRoomAsync(RoomState state, long version, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO rooms (id, name, kind, version, state) VALUES ($id, $name, $kind, $version, $state) " +
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, version = excluded.version, state = excluded.state",
            cancellationToken,
            ("$id", state.Id), ("$name", state.Name), ("$kind", state.Kind), ("$version", version),
            ("$state", JsonSerializer.Serialize(state, HubStateJsonContext.Default.RoomState)));

    public Task SaveMemberAsync(string roomId, MemberState member, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO members (room, agent, role, status) VALUES ($room, $agent, $role, $status) " +
            "ON CONFLICT (room, agent) DO UPDATE SET role = excluded.role, status = excluded.status",
            cancellationToken,
            ("$room", roomId), ("$agent", member.AgentId), ("$role", member.Role), ("$status", member.Status));

    public Task SaveInviteAsync(string codeHash, string inviteId, string roomId, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO invites (code_hash, invite_id, room) VALUES ($hash, $id, $room)",
            cancellationToken,
            ("$hash", codeHash), ("$id", inviteId), ("$room", roomId));

    public Task SaveAgentAsync(string agentId, string name, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO agents (id, name) VALUES ($id, $name) ON CONFLICT (id) DO UPDATE SET name = excluded.name",
            cancellationToken,
            ("$id", agentId), ("$name", name));

    public Task SaveMemoryAsync(MemoryRecord memory, CancellationToken cancellationToken) =>
        SqliteMemories.SaveAsync(commands, memory, cancellationToken);

    public Task SaveRoomBlobAsync(string roomId, string hash, long seq, CancellationToken cancellationToken) =>
        SqliteBlobs.SaveAsync(commands, roomId, hash, seq, cancellationToken);

    public Task SaveWorkerAsync(string queue, string agentId, CancellationToken cancellationToken) =>
        SqliteJobs.SaveWorkerAsync(commands, queue, agentId, cancellationToken);

    public Task SaveJobAsync(JobRecord job, CancellationToken cancellationToken) =>
        SqliteJobs.SaveJobAsync(commands, job, cancellationToken);

    public Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken) =>
        SqliteJobs.GetAsync(connection, jobId, cancellationToken);

    public Task<bool> IsWorkerAsync(string queue, string agentId, CancellationToken cancellationToken) =>
        SqliteJobs.IsWorkerAsync(connection, queue, agentId, cancellationToken);

    public Task<(string? Owner, IReadOnlyList<string> Allowed)> GetQueueAccessAsync(string queue, CancellationToken cancellationToken) =>
        SqliteJobs.GetAccessAsync(connection, queue, cancellationToken);

    public Task ClaimQueueAsync(string queue, string agentId, CancellationToken cancellationToken) =>
        SqliteJobs.ClaimQueueAsync(commands, queue, agentId, cancellationToken);

    public Task SetQueueAccessAsync(string queue, string agent, bool allowed, CancellationToken cancellationToken) =>
        SqliteJobs.SetAccessAsync(commands, queue, agent, allowed, cancellationToken);

    public Task<JobRecord?> FindLeasableJobAsync(string queue, long now, CancellationToken cancellationToken) =>
        SqliteJobs.FindLeasableAsync(connection, queue, now, cancellationToken);

    public Task<long?> NextLeaseEndAsync(string queue, CancellationToken cancellationToken) =>
        SqliteJobs.NextLeaseEndAsync(connection, queue, cancellationToken);

    public Task SaveTokenAsync(string tokenHash, string challenge, TokenRecord token, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO tokens (token_hash, token_id, agent, room, expires_at, challenge) VALUES ($hash, $id, $agent, $room, $exp, $c)",
            cancellationToken,
            ("$hash", tokenHash), ("$id", token.TokenId), ("$agent", token.AgentId), ("$room", token.Room),
            ("$exp", token.ExpiresAt), ("$c", challenge));

    public async Task<IReadOnlyList<string>> LiveTokenIdsAsync(string agentId, long now, CancellationToken cancellationToken)
    {
        await using var command = SqliteQueries.Command(
            connection,
            "SELECT token_id FROM tokens WHERE agent = $agent AND revoked = 0 AND expires_at > $now ORDER BY expires_at, token_id",
            ("$agent", agentId), ("$now", now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public Task RevokeTokenAsync(string tokenId, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE tokens SET revoked = 1 WHERE token_id = $id", cancellationToken, ("$id", tokenId));

    public Task SaveCursorAsync(string agentId, string roomId, long seq, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO cursors (agent, room, seq) VALUES ($agent, $room, $seq) " +
            "ON CONFLICT (agent, room) DO UPDATE SET seq = excluded.seq",
            cancellationToken,
            ("$agent", agentId), ("$room", roomId), ("$seq", seq));

    public Task SaveCardAsync(string agentId, string card, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO cards (agent, card) VALUES ($agent, $card) ON CONFLICT (agent) DO UPDATE SET card = excluded.card",
            cancellationToken,
            ("$agent", agentId), ("$card", card));

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await commands.Get(sql, parameters).ExecuteNonQueryAsync(cancellationToken);
}

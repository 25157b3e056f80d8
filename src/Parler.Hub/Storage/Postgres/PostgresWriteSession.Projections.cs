using System.Text.Json;
using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Storage.Postgres;

/// <summary>The projection writes: none of them returns anything, so each waits in the pipeline for the write's next round trip.</summary>
internal sealed partial class PostgresWriteSession
{
    public Task SaveRoomAsync(RoomState state, long version, CancellationToken cancellationToken)
    {
        // Called for a fact just appended to the room's stream, so this transaction holds that head's lock.
        if (_lockedHeads.TryGetValue(state.Id, out var head))
        {
            _lockedRooms[state.Id] = new RoomRecord(state, head.Seq, head.Hash);
        }
        else
        {
            _lockedRooms.Remove(state.Id);
        }

        return Defer(
            "INSERT INTO rooms (id, name, kind, version, state) VALUES ($1, $2, $3, $4, $5) " +
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, version = excluded.version, state = excluded.state",
            state.Id, state.Name, state.Kind, version, JsonSerializer.Serialize(state, HubStateJsonContext.Default.RoomState));
    }

    public Task SaveMemberAsync(string roomId, MemberState member, CancellationToken cancellationToken) =>
        Defer(
            "INSERT INTO members (room, agent, role, status) VALUES ($1, $2, $3, $4) " +
            "ON CONFLICT (room, agent) DO UPDATE SET role = excluded.role, status = excluded.status",
            roomId, member.AgentId, member.Role, member.Status);

    public Task SaveInviteAsync(string codeHash, string inviteId, string roomId, CancellationToken cancellationToken) =>
        Defer("INSERT INTO invites (code_hash, invite_id, room) VALUES ($1, $2, $3)", codeHash, inviteId, roomId);

    public Task SaveAgentAsync(string agentId, string name, CancellationToken cancellationToken) =>
        Defer("INSERT INTO agents (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = excluded.name", agentId, name);

    public Task SaveMemoryAsync(MemoryRecord memory, CancellationToken cancellationToken)
    {
        if (memory.Key is not null)
        {
            Defer(PostgresMemories.DeleteKeyedSql, memory.Scope, memory.Key);
        }

        return Defer(PostgresMemories.InsertSql, memory.Scope, memory.Key, memory.Author, memory.At, memory.Seq, memory.Text);
    }

    public Task SaveWorkerAsync(string queue, string agentId, CancellationToken cancellationToken) =>
        Defer("INSERT INTO workers (queue, agent) VALUES ($1, $2) ON CONFLICT DO NOTHING", queue, agentId);

    public Task ClaimQueueAsync(string queue, string agentId, CancellationToken cancellationToken) =>
        Defer(
            """
            INSERT INTO queue_access (queue, agent, role) SELECT $1, $2, 'owner'
            WHERE NOT EXISTS (SELECT 1 FROM queue_access WHERE queue = $1 AND role = 'owner') ON CONFLICT DO NOTHING
            """,
            queue, agentId);

    public Task SetQueueAccessAsync(string queue, string agent, bool allowed, CancellationToken cancellationToken)
    {
        if (allowed)
        {
            return Defer("INSERT INTO queue_access (queue, agent, role) VALUES ($1, $2, 'allowed') ON CONFLICT DO NOTHING", queue, agent);
        }

        Defer("DELETE FROM queue_access WHERE queue = $1 AND agent = $2 AND role = 'allowed'", queue, agent);
        return Defer(Sqlite.SqliteJobs.StopUnallowedSql, queue);
    }

    public Task SaveJobAsync(JobRecord job, CancellationToken cancellationToken) =>
        Defer(
            $"""
            INSERT INTO jobs ({PostgresQueries.JobColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (job_id) DO UPDATE SET status = excluded.status, worker = excluded.worker,
                lease_until = excluded.lease_until, result = excluded.result, attempts = excluded.attempts
            """,
            job.JobId, job.Queue, job.Text, job.Sender, job.Status, job.Worker, job.LeaseUntil, job.Result, job.Attempts);

    public Task SaveRoomBlobAsync(string roomId, string hash, long seq, CancellationToken cancellationToken) =>
        Defer("INSERT INTO room_blobs (room, hash, seq) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", roomId, hash, seq);

    public Task SaveTokenAsync(string tokenHash, string challenge, TokenRecord token, CancellationToken cancellationToken) =>
        Defer(
            "INSERT INTO tokens (token_hash, token_id, agent, room, expires_at, challenge) VALUES ($1, $2, $3, $4, $5, $6)",
            tokenHash, token.TokenId, token.AgentId, token.Room, token.ExpiresAt, challenge);

    public Task RevokeTokenAsync(string tokenId, CancellationToken cancellationToken) =>
        Defer("UPDATE tokens SET revoked = true WHERE token_id = $1", tokenId);

    public Task SaveCursorAsync(string agentId, string roomId, long seq, CancellationToken cancellationToken) =>
        Defer(
            "INSERT INTO cursors (agent, room, seq) VALUES ($1, $2, $3) ON CONFLICT (agent, room) DO UPDATE SET seq = excluded.seq",
            agentId, roomId, seq);

    public Task SaveCardAsync(string agentId, string card, CancellationToken cancellationToken) =>
        Defer("INSERT INTO cards (agent, card) VALUES ($1, $2) ON CONFLICT (agent) DO UPDATE SET card = excluded.card", agentId, card);
}

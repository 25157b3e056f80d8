using System.Data.Common;
using System.Text.Json;
using Parler.Hub.Features.Auth;
using Parler.Hub.Features.Blobs;
using Parler.Hub.Features.Cards;
using Parler.Hub.Features.Invites;
using Parler.Hub.Features.Messages;
using Parler.Hub.Features.Queues;
using Parler.Hub.Features.Rooms;
using Parler.Hub.Limits;

namespace Parler.Hub.Storage.Relational;

/// <summary>
/// The writer's reads and projection writes that are the same SQL on every engine, written once over the engine's write
/// port. <see cref="ExecuteAsync"/> is a statement whose result nobody reads: SQLite runs it at once through its compiled
/// statements, PostgreSQL queues it for the write's next round trip. What differs stays in the engine: appending under
/// the stream's head (its lock), the room read that takes that lock, memory's text index, nonces, the window sweep.
/// </summary>
internal abstract class RelationalWriteSession
{
    /// <summary>This batch's quota charges, written once per window by <see cref="WriteQuotasAsync"/> before the commit.</summary>
    public QuotaTally Quotas { get; } = new();

    protected abstract Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] parameters);

    protected abstract Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] parameters);

    protected abstract Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params object?[] parameters);

    public abstract Task<RoomRecord?> GetRoomAsync(string roomId, CancellationToken cancellationToken);

    public async Task<RoomState?> LoadRoomStateAsync(string roomId, CancellationToken cancellationToken) =>
        (await GetRoomAsync(roomId, cancellationToken))?.State;

    public async Task<string?> GetAgentNameAsync(string agentId, CancellationToken cancellationToken) =>
        await ScalarAsync(AuthSql.AgentName, cancellationToken, agentId) as string;

    public async Task<TokenRecord?> FindTokenByIdAsync(string tokenId, CancellationToken cancellationToken) =>
        (await QueryAsync(AuthSql.TokenById, StoreRows.ReadToken, cancellationToken, tokenId)).SingleOrDefault();

    public async Task<long> GetCursorAsync(string agentId, string roomId, CancellationToken cancellationToken) =>
        await ScalarAsync(MessagesSql.Cursor, cancellationToken, agentId, roomId) is long seq ? seq : 0;

    public Task<IReadOnlyList<string>> LiveTokenIdsAsync(string agentId, long now, CancellationToken cancellationToken) =>
        QueryAsync(AuthSql.LiveTokenIds, r => r.GetString(0), cancellationToken, agentId, now);

    public async Task<bool> ChallengeUsedAsync(string challenge, CancellationToken cancellationToken) =>
        await ScalarAsync(AuthSql.ChallengeUsed, cancellationToken, challenge) is not null;

    public Task<long> CountAsync(string key, long windowStart, long amount, CancellationToken cancellationToken) =>
        Quotas.ChargeAsync(key, windowStart, amount, async (k, w) => await ScalarAsync(WriteRecordsSql.ReadWindow, cancellationToken, k, w) is long used ? used : 0);

    public virtual async Task WriteQuotasAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, windowStart, amount) in Quotas.Unwritten())
        {
            await ExecuteAsync(WriteRecordsSql.AddToWindow, cancellationToken, key, windowStart, amount);
        }
    }

    public async Task<InviteLookup?> FindInviteAsync(string codeHash, CancellationToken cancellationToken) =>
        (await QueryAsync(InvitesSql.Find, r => new InviteLookup(r.GetString(0), r.GetString(1)), cancellationToken, codeHash)).SingleOrDefault();

    public virtual async Task<IdempotencyRecord?> FindIdempotencyAsync(string principal, string key, CancellationToken cancellationToken) =>
        (await QueryAsync(
            WriteRecordsSql.FindIdempotency, r => StoreRows.ReadIdempotency(r, principal, key), cancellationToken, principal, key))
        .SingleOrDefault();

    public virtual Task SaveIdempotencyAsync(IdempotencyRecord record, CancellationToken cancellationToken) =>
        ExecuteAsync(WriteRecordsSql.SaveIdempotency, cancellationToken, record.Principal, record.Key, record.RequestHash, record.Status, record.Response);

    public virtual Task SaveRoomAsync(RoomState state, long version, CancellationToken cancellationToken) =>
        ExecuteAsync(RoomsSql.Save, cancellationToken, state.Id, state.Name, state.Kind, version, JsonSerializer.Serialize(state, HubStateJsonContext.Default.RoomState));

    public Task SaveMemberAsync(string roomId, MemberState member, CancellationToken cancellationToken) =>
        ExecuteAsync(RoomsSql.SaveMember, cancellationToken, roomId, member.AgentId, member.Role, member.Status);

    public Task SaveInviteAsync(string codeHash, string inviteId, string roomId, CancellationToken cancellationToken) =>
        ExecuteAsync(InvitesSql.Save, cancellationToken, codeHash, inviteId, roomId);

    public Task SaveAgentAsync(string agentId, string name, CancellationToken cancellationToken) =>
        ExecuteAsync(AuthSql.SaveAgent, cancellationToken, agentId, name);

    public Task SaveTokenAsync(string tokenHash, string challenge, TokenRecord token, CancellationToken cancellationToken) =>
        ExecuteAsync(AuthSql.SaveToken, cancellationToken, tokenHash, token.TokenId, token.AgentId, token.Room, token.ExpiresAt, challenge);

    public Task RevokeTokenAsync(string tokenId, CancellationToken cancellationToken) =>
        ExecuteAsync(AuthSql.Revoke, cancellationToken, tokenId);

    public Task SaveCursorAsync(string agentId, string roomId, long seq, CancellationToken cancellationToken) =>
        ExecuteAsync(MessagesSql.SaveCursor, cancellationToken, agentId, roomId, seq);

    public Task SaveCardAsync(string agentId, string card, CancellationToken cancellationToken) =>
        ExecuteAsync(CardsSql.Save, cancellationToken, agentId, card);

    public Task SaveRoomBlobAsync(string roomId, string hash, long seq, CancellationToken cancellationToken) =>
        ExecuteAsync(BlobsSql.Save, cancellationToken, roomId, hash, seq);

    public Task SaveWorkerAsync(string queue, string agentId, CancellationToken cancellationToken) =>
        ExecuteAsync(QueuesSql.SaveWorker, cancellationToken, queue, agentId);

    public Task ClaimQueueAsync(string queue, string agentId, CancellationToken cancellationToken) =>
        ExecuteAsync(QueuesSql.Claim, cancellationToken, queue, agentId);

    public async Task SetQueueAccessAsync(string queue, string agent, bool allowed, CancellationToken cancellationToken)
    {
        if (allowed)
        {
            await ExecuteAsync(QueuesSql.Allow, cancellationToken, queue, agent);
            return;
        }

        await ExecuteAsync(QueuesSql.Deny, cancellationToken, queue, agent);
        await ExecuteAsync(QueuesSql.StopUnallowed, cancellationToken, queue);
    }

    public Task SaveJobAsync(JobRecord job, CancellationToken cancellationToken) =>
        ExecuteAsync(QueuesSql.SaveJob, cancellationToken, job.JobId, job.Queue, job.Text, job.Sender, job.Status, job.Worker, job.LeaseUntil, job.Result, job.Attempts);

    public async Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken) =>
        (await QueryAsync(QueuesSql.Job, StoreRows.ReadJob, cancellationToken, jobId)).SingleOrDefault();

    public async Task<bool> IsWorkerAsync(string queue, string agentId, CancellationToken cancellationToken) =>
        await ScalarAsync(QueuesSql.Worker, cancellationToken, queue, agentId) is not null;

    public async Task<(string? Owner, IReadOnlyList<string> Allowed)> GetQueueAccessAsync(string queue, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(QueuesSql.Access, r => (Agent: r.GetString(0), Role: r.GetString(1)), cancellationToken, queue);
        return (rows.FirstOrDefault(r => r.Role == "owner").Agent, rows.Where(r => r.Role != "owner").Select(r => r.Agent).ToList());
    }

    public async Task<JobRecord?> FindLeasableJobAsync(string queue, long now, CancellationToken cancellationToken) =>
        (await QueryAsync(QueuesSql.Leasable, StoreRows.ReadJob, cancellationToken, queue, now)).SingleOrDefault();

    public async Task<long?> NextLeaseEndAsync(string queue, CancellationToken cancellationToken) =>
        await ScalarAsync(QueuesSql.NextLeaseEnd, cancellationToken, queue) is long until ? until : null;
}

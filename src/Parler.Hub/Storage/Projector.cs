using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Storage;

/// <summary>Applies one fact to the projections, in the transaction that appends it. Shared by every store.</summary>
internal static class Projector
{
    public static async Task ApplyAsync(StoredFact fact, IProjectionTarget target, CancellationToken cancellationToken)
    {
        switch (fact.Type)
        {
            case var type when RoomEvolution.ChangesState(type):
                var before = type == FactTypes.RoomCreated
                    ? null
                    : await target.LoadRoomStateAsync(fact.Stream, cancellationToken);
                var after = RoomEvolution.Evolve(before, fact)!;
                await target.SaveRoomAsync(after, fact.Seq, cancellationToken);
                if (RoomEvolution.MemberOf(fact) is { } member)
                {
                    await target.SaveMemberAsync(after.Id, after.Members[member], cancellationToken);
                }
                else if (type == FactTypes.InviteMinted)
                {
                    var minted = fact.Read<InviteMinted>();
                    await target.SaveInviteAsync(minted.CodeHash, minted.InviteId, after.Id, cancellationToken);
                }

                break;
            case FactTypes.AgentRegistered:
                await target.SaveAgentAsync(fact.Stream, fact.Read<AgentRegistered>().Name, cancellationToken);
                break;
            case FactTypes.AgentRenamed:
                await target.SaveAgentAsync(fact.Stream, fact.Read<AgentRenamed>().Name, cancellationToken);
                break;
            case FactTypes.MemoryRemembered:
                var memory = fact.Read<MemoryRemembered>();
                await target.SaveMemoryAsync(new MemoryRecord(fact.Stream, memory.Key, fact.Actor, fact.At, fact.Seq, memory.Text), cancellationToken);
                break;
            case FactTypes.WorkerRegistered:
                var registered = fact.Read<WorkerRegistered>();
                await target.ClaimQueueAsync(registered.Queue, fact.Actor, cancellationToken);
                await target.SaveWorkerAsync(registered.Queue, fact.Actor, cancellationToken);
                break;
            case FactTypes.QueueAccessChanged:
                var access = fact.Read<QueueAccessChanged>();
                await target.SetQueueAccessAsync(access.Queue, access.Agent, access.Allowed, cancellationToken);
                break;
            case FactTypes.JobEnqueued:
                var enqueued = fact.Read<JobEnqueued>();
                await target.SaveJobAsync(
                    new JobRecord(enqueued.JobId, enqueued.Queue, enqueued.Text, fact.Actor, "queued", null, null, null, 0), cancellationToken);
                break;
            case FactTypes.JobLeased:
                var leased = fact.Read<JobLeased>();
                var leasedJob = await JobAsync(target, fact, leased.JobId, cancellationToken);
                await target.SaveJobAsync(
                    leasedJob with { Status = "leased", Worker = leased.Worker, LeaseUntil = leased.LeaseUntil, Attempts = leasedJob.Attempts + 1 },
                    cancellationToken);
                break;
            case FactTypes.JobCompleted:
                var completed = fact.Read<JobCompleted>();
                var completedJob = await JobAsync(target, fact, completed.JobId, cancellationToken);
                await target.SaveJobAsync(completedJob with { Status = completed.Status, Result = completed.Result, LeaseUntil = null }, cancellationToken);
                break;
            case FactTypes.TokenIssued:
                var issued = fact.Read<TokenIssued>();
                var token = new TokenRecord(issued.TokenId, fact.Stream, issued.Room, issued.ExpiresAt, false);
                await target.SaveTokenAsync(issued.TokenHash, issued.Challenge, token, cancellationToken);
                break;
            case FactTypes.TokenRevoked:
                await target.RevokeTokenAsync(fact.Read<TokenRevoked>().TokenId, cancellationToken);
                break;
            case FactTypes.CursorAdvanced:
                var cursor = fact.Read<CursorAdvanced>();
                await target.SaveCursorAsync(fact.Stream, cursor.Room, cursor.Seq, cancellationToken);
                break;
            case FactTypes.BundlePosted:
                await target.SaveRoomBlobAsync(fact.Stream, fact.Read<BundlePosted>().Hash, fact.Seq, cancellationToken);
                break;
            case FactTypes.FilePosted:
                await target.SaveRoomBlobAsync(fact.Stream, fact.Read<FilePosted>().Hash, fact.Seq, cancellationToken);
                break;
            case FactTypes.BlobUploaded:
                await target.SaveRoomBlobAsync(fact.Stream, fact.Read<BlobUploaded>().Hash, fact.Seq, cancellationToken);
                break;
            case FactTypes.CardPublished:
                await target.SaveCardAsync(fact.Stream, fact.Data.ToString(), cancellationToken);
                break;
        }
    }

    private static async Task<JobRecord> JobAsync(IProjectionTarget target, StoredFact fact, string jobId, CancellationToken cancellationToken) =>
        await target.GetJobAsync(jobId, cancellationToken) ?? throw new InvalidOperationException($"{fact.Type} names an unknown job.");
}

using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Storage;

/// <summary>The projection tables a store keeps; <see cref="Projector"/> decides what goes in them.</summary>
internal interface IProjectionTarget
{
    Task<RoomState?> LoadRoomStateAsync(string roomId, CancellationToken cancellationToken);

    /// <summary>Stores the room's state as of the fact at <paramref name="version"/>.</summary>
    Task SaveRoomAsync(RoomState state, long version, CancellationToken cancellationToken);

    Task SaveMemberAsync(string roomId, MemberState member, CancellationToken cancellationToken);

    Task SaveInviteAsync(string codeHash, string inviteId, string roomId, CancellationToken cancellationToken);

    Task SaveAgentAsync(string agentId, string name, CancellationToken cancellationToken);

    /// <summary>Indexes a remembered note; a keyed one replaces the scope's current value for that key.</summary>
    Task SaveMemoryAsync(MemoryRecord memory, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="agentId"/> serves <paramref name="queue"/>.</summary>
    Task SaveWorkerAsync(string queue, string agentId, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="agentId"/> the queue's owner unless it has one (the first worker owns the queue).</summary>
    Task ClaimQueueAsync(string queue, string agentId, CancellationToken cancellationToken);

    /// <summary>Allows an agent (or "*") to serve the queue, or takes that back and ends its serving.</summary>
    Task SetQueueAccessAsync(string queue, string agent, bool allowed, CancellationToken cancellationToken);

    /// <summary>Stores a job as enqueued, or replaces it with its leased or completed state.</summary>
    Task SaveJobAsync(JobRecord job, CancellationToken cancellationToken);

    Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken);

    Task SaveTokenAsync(string tokenHash, string challenge, TokenRecord token, CancellationToken cancellationToken);

    Task RevokeTokenAsync(string tokenId, CancellationToken cancellationToken);

    Task SaveCursorAsync(string agentId, string roomId, long seq, CancellationToken cancellationToken);

    /// <summary>Stores the agent's latest card as published: its signed fields and signature, as JSON.</summary>
    Task SaveCardAsync(string agentId, string card, CancellationToken cancellationToken);

    /// <summary>Records that the fact at <paramref name="seq"/> of room <paramref name="roomId"/> shared blob <paramref name="hash"/>.</summary>
    Task SaveRoomBlobAsync(string roomId, string hash, long seq, CancellationToken cancellationToken);
}

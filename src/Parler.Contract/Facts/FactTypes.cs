namespace Parler.Contract.Facts;

/// <summary>The names of every fact the hub appends. Stored in the log: never rename one.</summary>
internal static class FactTypes
{
    public const string RoomCreated = "room.created";
    public const string MemberJoined = "member.joined";
    public const string MemberLeft = "member.left";
    public const string MemberRequested = "member.requested";
    public const string MemberApproved = "member.approved";
    public const string MemberDenied = "member.denied";
    public const string MemberRemoved = "member.removed";
    public const string InviteMinted = "invite.minted";
    public const string InviteRevoked = "invite.revoked";
    public const string MessagePosted = "message.posted";
    public const string HandoffPosted = "handoff.posted";
    public const string TaskStatus = "task.status";

    /// <summary>A note kept in a room's stream (shared memory) or an agent's own stream (private memory).</summary>
    public const string MemoryRemembered = "memory.remembered";

    /// <summary>Service queue facts, on the queue's own stream (q_name).</summary>
    public const string WorkerRegistered = "worker.registered";
    public const string JobEnqueued = "job.enqueued";
    public const string JobLeased = "job.leased";
    public const string JobCompleted = "job.completed";

    /// <summary>A queue's owner (its first worker) allowed an agent, or anyone ("*"), to serve it, or took that back.</summary>
    public const string QueueAccessChanged = "queue.access_changed";

    /// <summary>Facts that change who is in a room; each names the member in data.agent_id.</summary>
    public static bool IsMembership(string type) =>
        type is MemberJoined or MemberLeft or MemberRequested or MemberApproved or MemberDenied or MemberRemoved;

    public const string AgentRegistered = "agent.registered";
    public const string AgentRenamed = "agent.renamed";
    public const string TokenIssued = "token.issued";
    public const string TokenRevoked = "token.revoked";
    public const string CursorAdvanced = "cursor.advanced";
    public const string CardPublished = "card.published";

    /// <summary>A git bundle or a file shared into a room; data.hash names the blob, which the room's members may then read.</summary>
    public const string BundlePosted = "bundle.posted";
    public const string FilePosted = "file.posted";

    /// <summary>An agent uploaded a blob (on its own stream): it holds those bytes, so it may share them.</summary>
    public const string BlobUploaded = "blob.uploaded";

    /// <summary>The signed posts: each carries a nonce that its room holds once.</summary>
    public static bool IsSignedPost(string type) => type is MessagePosted or HandoffPosted or BundlePosted or FilePosted;
}

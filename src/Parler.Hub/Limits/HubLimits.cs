namespace Parler.Hub.Limits;

/// <summary>
/// The hub's quotas and rate limits, chosen so a working team never meets them and an abuser meets them at once. Each
/// has a <c>parler hub</c> flag and a PARLER_HUB_* twin; 0 turns one off. docs/limits.md gives the reason for each number.
/// </summary>
internal sealed record HubLimits
{
    public long MessagesPerAgentPerMinute { get; init; } = 600;

    public long MessagesPerRoomPerMinute { get; init; } = 3000;

    public long SignInsPerAgentPerHour { get; init; } = 120;

    public long SignInsPerAddressPerHour { get; init; } = 600;

    public long FailedInvitesPerAgent { get; init; } = 20;

    public long FailedInvitesPerAddress { get; init; } = 60;

    public long FailedInvitesPerRoom { get; init; } = 60;

    public long BlobBytesPerAgentPerHour { get; init; } = 8L * 1024 * 1024 * 1024;

    public long StoredBlobBytesPerAgent { get; init; } = 50L * 1024 * 1024 * 1024;

    public long StoredBlobBytesPerRoom { get; init; } = 100L * 1024 * 1024 * 1024;

    public long RoomsOwnedPerAgent { get; init; } = 1000;

    /// <summary>Live (unexpired, unrevoked) tokens one agent holds; a sign-in past it revokes the one that expires first.</summary>
    public long ActiveTokensPerAgent { get; init; } = 100;

    public static readonly TimeSpan InviteWindow = TimeSpan.FromMinutes(10);

    /// <summary>No rule's window is longer: a window that began this long ago has ended for every rule (the sweep's horizon).</summary>
    public static readonly TimeSpan LongestWindow = TimeSpan.FromHours(1);

    private const string Later = "wait for the time in Retry-After";

    public LimitRule AgentMessages => new("msg-agent", MessagesPerAgentPerMinute, TimeSpan.FromMinutes(1), "posts per minute by one agent", Later);

    public LimitRule RoomMessages => new("msg-room", MessagesPerRoomPerMinute, TimeSpan.FromMinutes(1), "posts per minute into one room", Later);

    public LimitRule AgentSignIns => new("signin-agent", SignInsPerAgentPerHour, TimeSpan.FromHours(1), "sign-ins per hour by one agent", "reuse your token until it expires");

    public LimitRule AddressSignIns => new("signin-addr", SignInsPerAddressPerHour, TimeSpan.FromHours(1), "sign-ins per hour from one address", "reuse your tokens until they expire");

    public LimitRule AgentBadInvites => new("invite-agent", FailedInvitesPerAgent, InviteWindow, "wrong invite codes from one agent", "check the code with whoever sent it");

    public LimitRule AddressBadInvites => new("invite-addr", FailedInvitesPerAddress, InviteWindow, "wrong invite codes from one address", "check the code with whoever sent it");

    /// <summary>Bad console sign-in links from one address: counted like wrong invite codes, with the same budget.</summary>
    public LimitRule AddressBadConsoleLinks => new("console-addr", FailedInvitesPerAddress, InviteWindow, "bad console sign-in links from one address", "run 'parler console' again for a fresh link");

    public LimitRule RoomBadInvites => new("invite-room", FailedInvitesPerRoom, InviteWindow, "dead invite codes of one room", "ask a member of the room for a new invite");

    public LimitRule AgentBlobBytes => new("blob-agent", BlobBytesPerAgentPerHour, TimeSpan.FromHours(1), "blob bytes uploaded per hour by one agent", Later);

    public LimitRule AgentStoredBytes => new("stored-agent", StoredBlobBytesPerAgent, TimeSpan.Zero, "blob bytes stored by one agent", "ask the hub's operator for room");

    public LimitRule RoomStoredBytes => new("stored-room", StoredBlobBytesPerRoom, TimeSpan.Zero, "blob bytes stored in one room", "ask the hub's operator for room");

    public LimitRule AgentRooms => new("rooms-agent", RoomsOwnedPerAgent, TimeSpan.Zero, "rooms created by one agent", "reuse a room you own");
}

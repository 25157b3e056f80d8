namespace Parler.Hub.Rooms;

/// <summary>The names of every fact the hub appends. Stored in the log: never rename one.</summary>
internal static class FactTypes
{
    public const string RoomCreated = "room.created";
    public const string MemberJoined = "member.joined";
    public const string MemberLeft = "member.left";
    public const string InviteMinted = "invite.minted";
    public const string InviteRevoked = "invite.revoked";
    public const string MessagePosted = "message.posted";

    public const string AgentRegistered = "agent.registered";
    public const string AgentRenamed = "agent.renamed";
    public const string TokenIssued = "token.issued";
    public const string TokenRevoked = "token.revoked";
    public const string CursorAdvanced = "cursor.advanced";
}

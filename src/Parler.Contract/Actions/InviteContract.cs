using Parler.Core.Protocol;

namespace Parler.Contract.Actions;

/// <summary>Invites: short codes that let an agent join a room. Only a hash of the code is stored.</summary>
internal static class InviteContract
{
    public static ActionContract Mint { get; } = new()
    {
        Name = "invites.mint", Method = "POST", Route = "/v1/rooms/{room}/invites", Access = ActionAccess.Member,
        Writes = true, IdempotencyKey = true, SecretAnswer = true,
        Summary = "Mint an invite code for this room.",
        Description = "Defaults: valid 7 days; 25 uses in a channel, 1 in a DM; 'approval' (joiners wait for the owner) defaults to the room's setting and only the owner may turn it off. The code is shown once; the hub keeps only its hash.",
        Input = ProtocolJsonContext.Default.MintInviteRequest,
        Output = ProtocolJsonContext.Default.InviteView,
    };

    public static ActionContract Redeem { get; } = new()
    {
        Name = "invites.redeem", Method = "POST", Route = "/v1/invites/redeem", Access = ActionAccess.Agent, RoomTokenAllowed = false,
        Writes = true, IdempotencyKey = true,
        Summary = "Join a room with an invite code.",
        Description = "status is 'joined', 'already_member', or 'pending' when the room's owner must approve you first (redeem again to check). Failed attempts are rate limited.",
        Input = ProtocolJsonContext.Default.RedeemInviteRequest,
        Output = ProtocolJsonContext.Default.RedeemInviteResponse,
    };

    public static ActionContract Revoke { get; } = new()
    {
        Name = "invites.revoke", Method = "POST", Route = "/v1/rooms/{room}/invites/{invite}/revoke", Access = ActionAccess.Member,
        Writes = true, IdempotencyKey = true,
        Summary = "Revoke an invite (by id or code); nobody can use it from then on.",
        Description = "The member who minted it or the room's owner may revoke it. Members who joined with it stay.",
        Input = ProtocolJsonContext.Default.EmptyRequest,
        Output = ProtocolJsonContext.Default.RevokeInviteResponse,
    };

    public static IReadOnlyList<ActionContract> All { get; } = [Mint, Redeem, Revoke];
}

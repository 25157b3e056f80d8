using Parler.Hub.Actions;
using Parler.Hub.Errors;
using Parler.Hub.Features.Rooms;
using Parler.Hub.Limits;

namespace Parler.Hub.Features.Invites;

/// <summary>
/// Invites decided with no I/O: who may mint a key that skips approval, who may revoke an invite, and what a redeemed
/// code comes to, including when its guesser (or the room its dead code names) has used up its wrong guesses. The
/// handlers in <see cref="InviteActions"/> load the state inside the writer, count wrong guesses and append.
/// </summary>
internal static class InviteDecider
{
    public const string AlreadyMember = "already_member";

    public static Decision<InviteMinted> Mint(RoomState room, MintInvite command, DateTimeOffset now)
    {
        var approval = command.Approval ?? room.Approval;
        if (room.Approval && !approval && !room.IsOwner(command.Minter))
        {
            return Decision<InviteMinted>.Refuse(ErrorCodes.Forbidden, "In a room that vets joiners, only the owner may mint a key that skips approval.");
        }

        var expires = now.AddSeconds(command.TtlSeconds).ToUnixTimeMilliseconds();
        return Decision<InviteMinted>.Append(new InviteMinted(command.InviteId, command.CodeHash, room.Kind, expires, command.MaxUses, approval));
    }

    /// <summary>The room's invite a reference names: by id or by code.</summary>
    public static InviteState? Find(RoomState room, RevokeInvite command) =>
        room.Invites.Values.FirstOrDefault(i => i.Id == command.Reference || i.CodeHash == command.ReferenceHash);

    /// <summary>Its minter or the room's owner revokes an invite; one revoked already needs nothing more.</summary>
    public static Decision<InviteRevoked> Revoke(RoomState room, RevokeInvite command)
    {
        if (Find(room, command) is not { } invite)
        {
            return Decision<InviteRevoked>.Refuse(ErrorCodes.NotFound, $"This room has no invite '{command.Reference}'.");
        }

        if (invite.MintedBy != command.Caller && room.ActiveMember(command.Caller)?.Role != Roles.Owner)
        {
            return Decision<InviteRevoked>.Refuse(ErrorCodes.Forbidden, "Only the member who minted an invite, or the room's owner, may revoke it.");
        }

        return invite.Revoked ? Decision<InviteRevoked>.Nothing() : Decision<InviteRevoked>.Append(new InviteRevoked(invite.Id));
    }

    /// <summary>
    /// A guesser whose budget is spent is refused before its code is looked at; an unknown code, or a dead one (revoked,
    /// expired, used up), is a wrong guess (<see cref="WrongGuessCharges"/>); a room whose dead codes were tried too often
    /// makes joiners wait; a member learns where it stands; anyone else joins, or knocks when the invite asks for approval.
    /// </summary>
    public static Decision<Redemption> Redeem(RedeemState state, RedeemInvite command, DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        if (Spent(state.Guesser, nowMs) is { } guesserSpent)
        {
            return new(null, guesserSpent);
        }

        if (command.Code is null)
        {
            return Decision<Redemption>.Refuse(ErrorCodes.ValidationFailed, "'code' is required, for example \"VBZHDHGR\".");
        }

        if (state.Room is not { } room || state.Invite is not { } invite)
        {
            return Decision<Redemption>.Refuse(ErrorCodes.InviteInvalid, $"No live invite has code '{command.Code}'. Check it, or ask for a new one.");
        }

        if (Spent(state.RoomGuesses, nowMs) is { } roomSpent)
        {
            return new(null, roomSpent);
        }

        switch (room.Members.GetValueOrDefault(command.Agent)?.Status)
        {
            case MemberStatus.Active:
                return Decision<Redemption>.Append(new Redemption(Standing: AlreadyMember));
            case MemberStatus.Pending:
                return Decision<Redemption>.Append(new Redemption(Standing: MemberStatus.Pending));
            case MemberStatus.Denied or MemberStatus.Removed:
                return Decision<Redemption>.Refuse(
                    ErrorCodes.Forbidden, "The room's owner turned you away; this is final. Ask the owner directly if it was a mistake.");
        }

        var dead = invite.Revoked ? "was revoked"
            : nowMs >= invite.ExpiresAt ? "has expired"
            : invite.Uses >= invite.MaxUses ? "has been used up"
            : null;
        if (dead is not null)
        {
            return Decision<Redemption>.Refuse(ErrorCodes.InviteInvalid, $"Invite '{command.Code}' {dead}. Ask a member of the room for a new one.");
        }

        return Decision<Redemption>.Append(invite.Approval
            ? new Redemption(Requested: new MemberRequested(command.Agent, command.Name, Roles.Member, invite.Id))
            : new Redemption(Joined: new MemberJoined(command.Agent, command.Name, Roles.Member, invite.Id)));
    }

    /// <summary>
    /// The budgets a refusal counts one wrong guess against (kept although the request is refused): the guesser's for an
    /// unknown or dead code, and the room's too for a dead code of a room; none for any other refusal.
    /// </summary>
    public static IReadOnlyList<GuessBudget> WrongGuessCharges(RedeemState state, Refusal refusal) =>
        refusal.Error != ErrorCodes.InviteInvalid ? []
        : state.Room is null || state.Invite is null ? state.Guesser
        : [.. state.Guesser, .. state.RoomGuesses];

    private static Refusal? Spent(IEnumerable<GuessBudget> budgets, long nowMs) =>
        budgets.FirstOrDefault(b => !b.Rule.Off && b.Used >= b.Rule.Limit) is { } spent ? Quota.Refused(spent.Rule, nowMs) : null;
}

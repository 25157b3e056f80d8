using System.Security.Cryptography;
using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Auth;
using Parler.Hub.Errors;
using Parler.Hub.Features.Rooms;
using Parler.Hub.Storage;

namespace Parler.Hub.Features.Invites;

/// <summary>Invites: short codes that let an agent join a room. Only a hash of the code is stored.</summary>
internal static class InviteActions
{
    /// <summary>No 0/O, 1/I: a code read aloud or retyped survives.</summary>
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public const int CodeLength = 8;

    public static IEnumerable<ActionDefinition> Declare()
    {
        var context = ProtocolJsonContext.Default;
        yield return ActionDefinition.Writing(
            InviteContract.Mint,
            context.MintInviteRequest,
            context.InviteView,
            MintAsync);
        yield return ActionDefinition.Writing(
            InviteContract.Redeem,
            context.RedeemInviteRequest,
            context.RedeemInviteResponse,
            RedeemAsync);
        yield return ActionDefinition.Writing(
            InviteContract.Revoke,
            context.EmptyRequest,
            context.RevokeInviteResponse,
            RevokeAsync);
    }

    public static string NormalizeCode(string code) =>
        new(code.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    private static async Task<InviteView> MintAsync(ActionCall call, MintInviteRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var room = await call.ReloadRoomAsync(writer, ct);
        var isDm = room.State.Kind == RoomKinds.Dm;
        var ttl = Validate.Range(input.TtlSeconds, 7 * 24 * 3600, 60, 30 * 24 * 3600, "ttl_seconds");
        var maxUses = Validate.Range(input.MaxUses, isDm ? 1 : 25, 1, isDm ? 1 : 1000, "max_uses");
        var approval = room.State.Approval ? input.Approval ?? true : input.Approval ?? false;
        if (room.State.Approval && !approval && !room.State.IsOwner(caller.AgentId))
        {
            throw new HubException(ErrorCodes.Forbidden, "In a room that vets joiners, only the owner may mint a key that skips approval.");
        }

        var code = RandomNumberGenerator.GetString(Alphabet, CodeLength);
        var inviteId = TokenService.NewId("inv_");
        var expires = call.Services.Time.GetUtcNow().AddSeconds(ttl);
        await writer.AppendAsync(
            room.Id,
            caller.Draft(new InviteMinted(inviteId, TokenService.Hash(code), room.State.Kind, expires.ToUnixTimeMilliseconds(), maxUses, approval)),
            ct);
        return new InviteView(inviteId, code, room.Id, room.State.Name, room.State.Kind, expires, maxUses, approval);
    }

    private static async Task<RedeemInviteResponse> RedeemAsync(ActionCall call, RedeemInviteRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var guesses = new InviteGuesses(call, writer);
        await guesses.RefuseWhenSpentAsync(null, ct);
        var code = NormalizeCode(Validate.Required(input.Code, "code", "VBZHDHGR"));
        var lookup = await writer.FindInviteAsync(TokenService.Hash(code), ct);
        var room = lookup is null ? null : await writer.GetRoomAsync(lookup.RoomId, ct);
        var invite = room?.State.Invites.GetValueOrDefault(lookup!.InviteId);
        if (room is null || invite is null)
        {
            throw await guesses.FailedAsync(null, $"No live invite has code '{code}'. Check it, or ask for a new one.", ct);
        }

        await guesses.RefuseWhenSpentAsync(room.Id, ct);

        switch (room.State.Members.GetValueOrDefault(caller.AgentId)?.Status)
        {
            case MemberStatus.Active:
                var role = room.State.Members[caller.AgentId].Role;
                return new RedeemInviteResponse(RoomActions.View(room, role, await writer.GetCursorAsync(caller.AgentId, room.Id, ct), 0), "already_member");
            case MemberStatus.Pending:
                return Pending(room);
            case MemberStatus.Denied or MemberStatus.Removed:
                throw new HubException(ErrorCodes.Forbidden, "The room's owner turned you away; this is final. Ask the owner directly if it was a mistake.");
        }

        var refusal = invite.Revoked ? "was revoked"
            : call.Services.NowMs >= invite.ExpiresAt ? "has expired"
            : invite.Uses >= invite.MaxUses ? "has been used up"
            : null;
        if (refusal is not null)
        {
            throw await guesses.FailedAsync(room.Id, $"Invite '{code}' {refusal}. Ask a member of the room for a new one.", ct);
        }

        var name = await writer.GetAgentNameAsync(caller.AgentId, ct) ?? caller.AgentId;
        var draft = invite.Approval
            ? caller.Draft(new MemberRequested(caller.AgentId, name, Roles.Member, invite.Id))
            : caller.Draft(new MemberJoined(caller.AgentId, name, Roles.Member, invite.Id));
        await writer.AppendAsync(room.Id, draft, ct);
        var joined = (await writer.GetRoomAsync(room.Id, ct))!;
        return invite.Approval ? Pending(joined) : new RedeemInviteResponse(RoomActions.View(joined, Roles.Member, 0, 0), "joined");
    }

    /// <summary>A knocking agent learns only which room it is waiting for: nothing of its members or record.</summary>
    private static RedeemInviteResponse Pending(RoomRecord room) =>
        new(new RoomView(room.Id, room.State.Name, room.State.Kind, MemberStatus.Pending, 0, 0, 0, 0), MemberStatus.Pending);

    private static async Task<RevokeInviteResponse> RevokeAsync(ActionCall call, EmptyRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var room = await call.ReloadRoomAsync(writer, ct);
        var reference = call.RouteValue("invite");
        var hash = TokenService.Hash(NormalizeCode(reference));
        var invite = room.State.Invites.Values.FirstOrDefault(i => i.Id == reference || i.CodeHash == hash)
            ?? throw new HubException(ErrorCodes.NotFound, $"This room has no invite '{reference}'.");
        if (invite.MintedBy != caller.AgentId && room.State.ActiveMember(caller.AgentId)?.Role != Roles.Owner)
        {
            throw new HubException(ErrorCodes.Forbidden, "Only the member who minted an invite, or the room's owner, may revoke it.");
        }

        if (!invite.Revoked)
        {
            await writer.AppendAsync(
                room.Id,
                caller.Draft(new InviteRevoked(invite.Id)),
                ct);
        }

        return new RevokeInviteResponse(invite.Id, true);
    }
}

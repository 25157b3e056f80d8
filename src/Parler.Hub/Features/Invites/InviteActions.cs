using System.Security.Cryptography;
using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Auth;
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
        var code = RandomNumberGenerator.GetString(Alphabet, CodeLength);
        var now = call.Services.Time.GetUtcNow();
        var command = new MintInvite(caller.AgentId, TokenService.NewId("inv_"), TokenService.Hash(code), ttl, maxUses, input.Approval);
        var minted = InviteDecider.Mint(room.State, command, now).Unwrap()!;
        await writer.AppendAsync(room.Id, caller.Draft(minted), ct);
        return new InviteView(minted.InviteId, code, room.Id, room.State.Name, room.State.Kind, now.AddSeconds(ttl), maxUses, minted.Approval);
    }

    /// <summary>Loads what a redemption is decided on (the guess budgets, the invite the code names, its room), decides, counts a wrong guess, appends.</summary>
    private static async Task<RedeemInviteResponse> RedeemAsync(ActionCall call, RedeemInviteRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var guesses = new InviteGuesses(call, writer);
        var code = string.IsNullOrWhiteSpace(input.Code) ? null : NormalizeCode(input.Code);
        var guesser = await guesses.GuesserAsync(ct);
        var lookup = code is null ? null : await writer.FindInviteAsync(TokenService.Hash(code), ct);
        var room = lookup is null ? null : await writer.GetRoomAsync(lookup.RoomId, ct);
        var invite = room?.State.Invites.GetValueOrDefault(lookup!.InviteId);
        var state = new RedeemState(guesser, room?.State, invite, invite is null ? [] : await guesses.RoomAsync(room!.Id, ct));
        var name = await writer.GetAgentNameAsync(caller.AgentId, ct) ?? caller.AgentId;
        var decision = InviteDecider.Redeem(state, new RedeemInvite(caller.AgentId, name, code), call.Services.Time.GetUtcNow());
        if (decision.Refusal is { } refusal && InviteDecider.WrongGuessCharges(state, refusal) is [_, ..] charges)
        {
            throw await guesses.CountAsync(charges, refusal, ct);
        }

        var redemption = decision.Unwrap()!;
        if (redemption.Standing == InviteDecider.AlreadyMember)
        {
            var role = room!.State.Members[caller.AgentId].Role;
            return new RedeemInviteResponse(RoomActions.View(room, role, await writer.GetCursorAsync(caller.AgentId, room.Id, ct), 0), InviteDecider.AlreadyMember);
        }

        if (redemption.Joined is { } joined)
        {
            await writer.AppendAsync(room!.Id, caller.Draft(joined), ct);
            return new RedeemInviteResponse(RoomActions.View((await writer.GetRoomAsync(room.Id, ct))!, Roles.Member, 0, 0), "joined");
        }

        if (redemption.Requested is { } requested)
        {
            await writer.AppendAsync(room!.Id, caller.Draft(requested), ct);
        }

        return Pending(room!);
    }

    /// <summary>A knocking agent learns only which room it is waiting for: nothing of its members or record.</summary>
    private static RedeemInviteResponse Pending(RoomRecord room) =>
        new(new RoomView(room.Id, room.State.Name, room.State.Kind, MemberStatus.Pending, 0, 0, 0, 0), MemberStatus.Pending);

    private static async Task<RevokeInviteResponse> RevokeAsync(ActionCall call, EmptyRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var room = await call.ReloadRoomAsync(writer, ct);
        var reference = call.RouteValue("invite");
        var command = new RevokeInvite(caller.AgentId, reference, TokenService.Hash(NormalizeCode(reference)));
        if (InviteDecider.Revoke(room.State, command).Unwrap() is { } revoked)
        {
            await writer.AppendAsync(room.Id, caller.Draft(revoked), ct);
        }

        return new RevokeInviteResponse(InviteDecider.Find(room.State, command)!.Id, true);
    }
}

using Parler.Hub.Errors;
using Parler.Hub.Features.Invites;
using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Tests.Features.Invites;

public sealed class InviteDeciderTests
{
    private const string Bob = "pa_bob0000000000";

    private readonly FakeTime _time = new();

    private static InviteState Invite(string mintedBy, bool revoked = false) => new("inv_1", "hash-1", RoomKinds.Channel, mintedBy, 0, 25, 0, revoked);

    private static RoomState WithInvite(RoomState room, InviteState invite) => room with { Invites = room.Invites.Add(invite.Id, invite) };

    private static MintInvite Mint(string minter, bool? approval) => new(minter, "inv_1", "hash-1", 3600, 25, approval);

    [Fact]
    public void Mint_InOpenRoom_MintedWithoutApprovalUntilNowPlusTheLifetime()
    {
        var minted = InviteDecider.Mint(TestRooms.Channel(), Mint(TestRooms.Owner, null), _time.GetUtcNow()).Fact!;

        minted.ShouldBe(new InviteMinted("inv_1", "hash-1", RoomKinds.Channel, _time.GetUtcNow().AddHours(1).ToUnixTimeMilliseconds(), 25, false));
    }

    [Fact]
    public void Mint_MemberOfAVettingRoom_MintsAKeyThatAsksForApproval()
    {
        var room = TestRooms.Channel((Bob, "bob", MemberStatus.Active)) with { Approval = true };

        InviteDecider.Mint(room, Mint(Bob, null), _time.GetUtcNow()).Fact!.Approval.ShouldBeTrue();
    }

    [Fact]
    public void Mint_MemberOfAVettingRoomSkippingApproval_RefusedAsForbidden()
    {
        var room = TestRooms.Channel((Bob, "bob", MemberStatus.Active)) with { Approval = true };

        InviteDecider.Mint(room, Mint(Bob, false), _time.GetUtcNow()).Refusal!.Error.ShouldBe(ErrorCodes.Forbidden);
    }

    [Fact]
    public void Mint_OwnerOfAVettingRoomSkippingApproval_Minted()
    {
        var room = TestRooms.Channel() with { Approval = true };

        InviteDecider.Mint(room, Mint(TestRooms.Owner, false), _time.GetUtcNow()).Fact!.Approval.ShouldBeFalse();
    }

    [Fact]
    public void Revoke_ItsMinterByCode_Revoked()
    {
        var room = WithInvite(TestRooms.Channel((Bob, "bob", MemberStatus.Active)), Invite(Bob));

        InviteDecider.Revoke(room, new RevokeInvite(Bob, "ABCD-EFGH", "hash-1")).Fact.ShouldBe(new InviteRevoked("inv_1"));
    }

    [Fact]
    public void Revoke_OwnerById_Revoked()
    {
        var room = WithInvite(TestRooms.Channel((Bob, "bob", MemberStatus.Active)), Invite(Bob));

        InviteDecider.Revoke(room, new RevokeInvite(TestRooms.Owner, "inv_1", "other")).Fact.ShouldBe(new InviteRevoked("inv_1"));
    }

    [Fact]
    public void Revoke_MemberWhoDidNotMintIt_RefusedAsForbidden()
    {
        var room = WithInvite(TestRooms.Channel((Bob, "bob", MemberStatus.Active)), Invite(TestRooms.Owner));

        InviteDecider.Revoke(room, new RevokeInvite(Bob, "inv_1", "other")).Refusal!.Error.ShouldBe(ErrorCodes.Forbidden);
    }

    [Fact]
    public void Revoke_UnknownInvite_RefusedAsNotFound()
    {
        var refusal = InviteDecider.Revoke(TestRooms.Channel(), new RevokeInvite(TestRooms.Owner, "inv_9", "other")).Refusal!;

        refusal.Error.ShouldBe(ErrorCodes.NotFound);
        refusal.Detail.ShouldContain("inv_9");
    }

    [Fact]
    public void Revoke_InviteRevokedAlready_AppendsNothing()
    {
        var room = WithInvite(TestRooms.Channel(), Invite(TestRooms.Owner, revoked: true));

        var decision = InviteDecider.Revoke(room, new RevokeInvite(TestRooms.Owner, "inv_1", "other"));

        decision.Fact.ShouldBeNull();
        decision.Refusal.ShouldBeNull();
        InviteDecider.Find(room, new RevokeInvite(TestRooms.Owner, "inv_1", "other"))!.Id.ShouldBe("inv_1");
    }
}

using System.Text.Json.Nodes;
using Parler.Core.Facts;
using Parler.Hub.Features.Rooms;
using Parler.Hub.Storage;

namespace Parler.Hub.Tests.Features.Rooms;

public sealed class RoomEvolutionTests
{
    private const string Room = "rm_1";
    private const string Alice = "pa_alice";
    private const string Bob = "pa_bob";
    private long _seq;

    [Fact]
    public void Evolve_CreatedThenJoined_HasOwnerAndMember()
    {
        var state = Fold(
            Fact(FactTypes.RoomCreated, Alice, new() { ["name"] = "team", ["kind"] = "channel" }),
            Fact(FactTypes.MemberJoined, Alice, new() { ["agent_id"] = Alice, ["name"] = "alice", ["role"] = Roles.Owner }),
            Fact(FactTypes.MemberJoined, Bob, new() { ["agent_id"] = Bob, ["name"] = "bob", ["role"] = Roles.Member }));

        state.Name.ShouldBe("team");
        state.ActiveCount.ShouldBe(2);
        state.ActiveMember(Alice)!.Role.ShouldBe(Roles.Owner);
        state.ActiveMember(Bob)!.Role.ShouldBe(Roles.Member);
    }

    [Fact]
    public void Evolve_MemberLeft_IsNoLongerActive()
    {
        var state = Fold(
            Fact(FactTypes.RoomCreated, Alice, new() { ["name"] = "team", ["kind"] = "channel" }),
            Fact(FactTypes.MemberJoined, Bob, new() { ["agent_id"] = Bob, ["name"] = "bob", ["role"] = Roles.Member }),
            Fact(FactTypes.MemberLeft, Bob, new() { ["agent_id"] = Bob }));

        state.ActiveMember(Bob).ShouldBeNull();
        state.Members[Bob].Status.ShouldBe(MemberStatus.Left);
    }

    [Fact]
    public void Evolve_InviteUsedAndRevoked_CountsUsesAndMarksRevoked()
    {
        var state = Fold(
            Fact(FactTypes.RoomCreated, Alice, new() { ["name"] = "team", ["kind"] = "channel" }),
            Fact(FactTypes.InviteMinted, Alice, new()
            {
                ["invite_id"] = "inv_1", ["code_hash"] = "h", ["kind"] = "channel", ["expires_at"] = 99L, ["max_uses"] = 2,
            }),
            Fact(FactTypes.MemberJoined, Bob, new() { ["agent_id"] = Bob, ["name"] = "bob", ["role"] = Roles.Member, ["invite_id"] = "inv_1" }),
            Fact(FactTypes.InviteRevoked, Alice, new() { ["invite_id"] = "inv_1" }));

        state.Invites["inv_1"].Uses.ShouldBe(1);
        state.Invites["inv_1"].Revoked.ShouldBeTrue();
        state.Invites["inv_1"].MintedBy.ShouldBe(Alice);
    }

    [Fact]
    public void Evolve_MessagePosted_LeavesStateAlone()
    {
        var created = Fold(Fact(FactTypes.RoomCreated, Alice, new() { ["name"] = "team", ["kind"] = "channel" }));
        var after = RoomEvolution.Evolve(created, Fact(FactTypes.MessagePosted, Alice, new() { ["body"] = "hi" }));

        after.ShouldBeSameAs(created);
        RoomEvolution.ChangesState(FactTypes.MessagePosted).ShouldBeFalse();
    }

    [Fact]
    public void Evolve_FactBeforeCreation_Throws() =>
        Should.Throw<InvalidOperationException>(() =>
            RoomEvolution.Evolve(null, Fact(FactTypes.MemberLeft, Bob, new() { ["agent_id"] = Bob })));

    [Fact]
    public void Evolve_RequestedThenApproved_IsPendingThenActive()
    {
        var created = Fact(FactTypes.RoomCreated, Alice, new() { ["name"] = "s", ["kind"] = "channel", ["approval"] = true });
        var requested = Fact(FactTypes.MemberRequested, Bob, new() { ["agent_id"] = Bob, ["name"] = "bob" });

        var pending = Fold(created, requested);
        var approved = RoomEvolution.Evolve(pending, Fact(FactTypes.MemberApproved, Alice, new() { ["agent_id"] = Bob }))!;

        pending.Approval.ShouldBeTrue();
        pending.ActiveMember(Bob).ShouldBeNull();
        pending.Members[Bob].Status.ShouldBe(MemberStatus.Pending);
        approved.ActiveMember(Bob)!.Role.ShouldBe(Roles.Member);
    }

    [Fact]
    public void Evolve_RequestedThenDenied_NeverActive()
    {
        var state = Fold(
            Fact(FactTypes.RoomCreated, Alice, new() { ["name"] = "s", ["kind"] = "channel", ["approval"] = true }),
            Fact(FactTypes.MemberRequested, Bob, new() { ["agent_id"] = Bob, ["name"] = "bob" }),
            Fact(FactTypes.MemberDenied, Alice, new() { ["agent_id"] = Bob }));

        state.ActiveMember(Bob).ShouldBeNull();
        state.Members[Bob].Status.ShouldBe(MemberStatus.Denied);
    }

    [Fact]
    public void Evolve_HandoffThenStatus_TracksTheTask()
    {
        var state = Fold(
            Fact(FactTypes.RoomCreated, Alice, new() { ["name"] = "s", ["kind"] = "channel" }),
            Fact(FactTypes.HandoffPosted, Alice, new() { ["handoff_id"] = "ho_1", ["for"] = "webdev", ["summary"] = "s", ["next"] = "n", ["nonce"] = "nonce-0001" }),
            Fact(FactTypes.TaskStatus, Bob, new() { ["handoff_id"] = "ho_1", ["status"] = "done" }));

        state.OpenHandoffs["ho_1"].Status.ShouldBe("done");
        state.OpenHandoffs["ho_1"].By.ShouldBe(Alice);
    }

    private static RoomState Fold(params StoredFact[] facts) => facts.Aggregate((RoomState?)null, RoomEvolution.Evolve)!;

    private StoredFact Fact(string type, string actor, JsonObject data) =>
        new(Room, ++_seq, type, _seq * 1000, actor, actor, "tok_test", FactJson.Of(data.ToJsonString()), "prev", "hash");
}

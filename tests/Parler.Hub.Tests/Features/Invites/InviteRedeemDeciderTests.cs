using Parler.Hub.Actions;
using Parler.Hub.Errors;
using Parler.Hub.Features.Invites;
using Parler.Hub.Features.Rooms;
using Parler.Hub.Limits;

namespace Parler.Hub.Tests.Features.Invites;

public sealed class InviteRedeemDeciderTests
{
    private const string Bob = "pa_bob0000000000";
    private const string Code = "VBZHDHGR";

    private static readonly LimitRule AgentRule = new("invite-agent", 5, TimeSpan.FromMinutes(10), "wrong invite codes from one agent", "check the code");
    private static readonly LimitRule AddressRule = new("invite-addr", 20, TimeSpan.FromMinutes(10), "wrong invite codes from one address", "check the code");
    private static readonly LimitRule RoomRule = new("invite-room", 10, TimeSpan.FromMinutes(10), "dead invite codes of one room", "ask for a new invite");

    private readonly FakeTime _time = new();

    private static readonly RedeemInvite Redeem = new(Bob, "bob", Code);

    private static IReadOnlyList<GuessBudget> Guesser(long agentUsed = 0) => [new(AgentRule, Bob, agentUsed), new(AddressRule, "127.0.0.1", 0)];

    private InviteState Live(bool approval = false) =>
        new("inv_1", "hash-1", RoomKinds.Channel, TestRooms.Owner, _time.GetUtcNow().AddHours(1).ToUnixTimeMilliseconds(), 2, 0, false, approval);

    private static RedeemState State(InviteState? invite, RoomState? room = null, long agentUsed = 0, long roomUsed = 0) =>
        new(Guesser(agentUsed), room ?? TestRooms.Channel(), invite, invite is null ? [] : [new(RoomRule, "rm_test", roomUsed)]);

    private Decision<Redemption> Decide(RedeemState state, RedeemInvite? command = null) => InviteDecider.Redeem(state, command ?? Redeem, _time.GetUtcNow());

    [Fact]
    public void Redeem_LiveInvite_Joins()
    {
        Decide(State(Live())).Fact!.Joined.ShouldBe(new MemberJoined(Bob, "bob", Roles.Member, "inv_1"));
    }

    [Fact]
    public void Redeem_InviteThatAsksForApproval_Knocks()
    {
        Decide(State(Live(approval: true))).Fact!.Requested.ShouldBe(new MemberRequested(Bob, "bob", Roles.Member, "inv_1"));
    }

    [Theory]
    [InlineData(MemberStatus.Active, InviteDecider.AlreadyMember)]
    [InlineData(MemberStatus.Pending, MemberStatus.Pending)]
    public void Redeem_AgentAlreadyInTheRoom_AnswersWhereItStandsAndAppendsNothing(string status, string standing)
    {
        var redemption = Decide(State(Live(), TestRooms.Channel((Bob, "bob", status)))).Fact!;

        redemption.ShouldBe(new Redemption(Standing: standing));
    }

    [Theory]
    [InlineData(MemberStatus.Denied)]
    [InlineData(MemberStatus.Removed)]
    public void Redeem_AgentTurnedAway_RefusedAsForbiddenAndCountsNoGuess(string status)
    {
        var state = State(Live(), TestRooms.Channel((Bob, "bob", status)));

        var refusal = Decide(state).Refusal!;

        refusal.Error.ShouldBe(ErrorCodes.Forbidden);
        InviteDecider.WrongGuessCharges(state, refusal).ShouldBeEmpty();
    }

    [Fact]
    public void Redeem_UnknownCode_RefusedAsInviteInvalidAndCountedAgainstTheGuesserOnly()
    {
        var state = State(null);

        var refusal = Decide(state).Refusal!;

        refusal.Error.ShouldBe(ErrorCodes.InviteInvalid);
        InviteDecider.WrongGuessCharges(state, refusal).Select(b => b.Rule.Name).ShouldBe(["invite-agent", "invite-addr"]);
    }

    [Fact]
    public void Redeem_DeadCodes_RefusedAsInviteInvalidAndCountedAgainstTheRoomToo()
    {
        var revoked = State(Live() with { Revoked = true });
        var usedUp = State(Live() with { Uses = 2 });
        var expired = State(Live());
        var expiredAt = _time.GetUtcNow().AddHours(1);

        Decide(revoked).Refusal!.Detail.ShouldContain("was revoked");
        Decide(usedUp).Refusal!.Detail.ShouldContain("has been used up");
        var refusal = InviteDecider.Redeem(expired, Redeem, expiredAt).Refusal!;
        refusal.Detail.ShouldContain("has expired");
        refusal.Error.ShouldBe(ErrorCodes.InviteInvalid);
        InviteDecider.WrongGuessCharges(expired, refusal).Select(b => b.Rule.Name).ShouldBe(["invite-agent", "invite-addr", "invite-room"]);
    }

    [Fact]
    public void Redeem_GuesserThatSpentItsWrongGuesses_RateLimitedBeforeTheCodeIsLookedAt()
    {
        var state = State(null, agentUsed: 5);

        var refusal = Decide(state, Redeem with { Code = null }).Refusal!;

        refusal.Error.ShouldBe(ErrorCodes.RateLimited);
        refusal.RetryAfter.ShouldNotBeNull();
        InviteDecider.WrongGuessCharges(state, refusal).ShouldBeEmpty();
    }

    [Fact]
    public void Redeem_OneGuessShortOfTheLimit_StillDecided()
    {
        Decide(State(Live(), agentUsed: 4)).Fact!.Joined.ShouldNotBeNull();
    }

    [Fact]
    public void Redeem_RoomWhoseDeadCodesWereTriedTooOften_RateLimitedEvenForALiveCode()
    {
        Decide(State(Live(), roomUsed: 10)).Refusal!.Error.ShouldBe(ErrorCodes.RateLimited);
    }

    [Fact]
    public void Redeem_RuleTurnedOff_NeverSpent()
    {
        var off = new RedeemState([new(AgentRule with { Limit = 0 }, Bob, 99)], TestRooms.Channel(), Live(), []);

        Decide(off).Fact!.Joined.ShouldNotBeNull();
    }

    [Fact]
    public void Redeem_NoCode_RefusedAsValidationFailedAndCountsNoGuess()
    {
        var state = State(null);

        var refusal = Decide(state, Redeem with { Code = null }).Refusal!;

        refusal.Error.ShouldBe(ErrorCodes.ValidationFailed);
        InviteDecider.WrongGuessCharges(state, refusal).ShouldBeEmpty();
    }
}

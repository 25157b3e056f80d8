using Parler.Hub.Errors;
using Parler.Hub.Features.Auth;
using Parler.Hub.Features.Rooms;
using Parler.Hub.Storage;

namespace Parler.Hub.Tests.Features.Auth;

public sealed class AuthDeciderTests
{
    private const string Agent = "pa_owner00000000";
    private const string Other = "pa_other00000000";

    private readonly FakeTime _time = new();

    private static IssueToken Issue(string? name = null, string? room = null) =>
        new(Agent, "challenge-1", name, room, "tok_1", "token-hash", TimeSpan.FromHours(1));

    [Fact]
    public void Challenge_NotLive_RefusedAsChallengeInvalid()
    {
        AuthDecider.Challenge(false)!.Error.ShouldBe(ErrorCodes.ChallengeInvalid);
        AuthDecider.Challenge(true).ShouldBeNull();
    }

    [Fact]
    public void Issue_AgentNeverSeen_RegistersUnderANameFromItsIdAndIssuesTheToken()
    {
        var grant = AuthDecider.Issue(new IssueState(null, null), Issue(), _time.GetUtcNow()).Fact!;

        grant.Registered.ShouldBe(new AgentRegistered("agent-_owner"));
        grant.Renamed.ShouldBeNull();
        grant.Issued.ShouldBe(new TokenIssued("tok_1", "token-hash", "challenge-1", _time.GetUtcNow().AddHours(1).ToUnixTimeMilliseconds(), null));
    }

    [Fact]
    public void Issue_KnownAgentAskingForANewName_Renamed()
    {
        var grant = AuthDecider.Issue(new IssueState("old", null), Issue("new"), _time.GetUtcNow()).Fact!;

        grant.Registered.ShouldBeNull();
        grant.Renamed.ShouldBe(new AgentRenamed("new"));
    }

    [Fact]
    public void Issue_KnownAgentKeepingItsName_OnlyTheToken()
    {
        var grant = AuthDecider.Issue(new IssueState("old", null), Issue("old"), _time.GetUtcNow()).Fact!;

        (grant.Registered, grant.Renamed).ShouldBe((null, null));
    }

    [Fact]
    public void Issue_RoomTokenForARoomTheAgentIsIn_IssuedForThatRoom()
    {
        AuthDecider.Issue(new IssueState("owner", TestRooms.Channel()), Issue(room: "rm_test"), _time.GetUtcNow()).Fact!.Issued.Room.ShouldBe("rm_test");
    }

    [Fact]
    public void Issue_RoomTokenForARoomTheAgentIsNotIn_RefusedAsRoomNotFound()
    {
        AuthDecider.Issue(new IssueState("owner", null), Issue(room: "rm_none"), _time.GetUtcNow()).Refusal!.Error.ShouldBe(ErrorCodes.RoomNotFound);
        var left = TestRooms.Channel() with { Members = TestRooms.Channel().Members.SetItem(Agent, new MemberState(Agent, "owner", Roles.Owner, MemberStatus.Left, 1)) };
        AuthDecider.Issue(new IssueState("owner", left), Issue(room: "rm_test"), _time.GetUtcNow()).Refusal!.Error.ShouldBe(ErrorCodes.RoomNotFound);
    }

    [Fact]
    public void Revoke_OwnToken_Revoked()
    {
        var token = new TokenRecord("tok_2", Agent, null, 0, false);

        AuthDecider.Revoke(token, new RevokeToken(Agent, "tok_2", "tok_1", false)).Fact.ShouldBe(new TokenRevoked("tok_2"));
    }

    [Fact]
    public void Revoke_AnotherAgentsTokenOrNone_RefusedAsNotFound()
    {
        AuthDecider.Revoke(new TokenRecord("tok_2", Other, null, 0, false), new RevokeToken(Agent, "tok_2", "tok_1", false)).Refusal!.Error.ShouldBe(ErrorCodes.NotFound);
        AuthDecider.Revoke(null, new RevokeToken(Agent, "tok_9", "tok_1", false)).Refusal!.Error.ShouldBe(ErrorCodes.NotFound);
    }

    [Fact]
    public void Revoke_RoomTokenRevokingAnother_RefusedAsTokenScope()
    {
        AuthDecider.Revoke(new TokenRecord("tok_2", Agent, null, 0, false), new RevokeToken(Agent, "tok_2", "tok_1", true)).Refusal!.Error.ShouldBe(ErrorCodes.TokenScope);
        AuthDecider.Revoke(new TokenRecord("tok_1", Agent, "rm_test", 0, false), new RevokeToken(Agent, "tok_1", "tok_1", true)).Fact.ShouldNotBeNull();
    }

    [Fact]
    public void Revoke_TokenRevokedAlready_AppendsNothing()
    {
        var decision = AuthDecider.Revoke(new TokenRecord("tok_2", Agent, null, 0, true), new RevokeToken(Agent, "tok_2", "tok_1", false));

        decision.Fact.ShouldBeNull();
        decision.Refusal.ShouldBeNull();
    }
}

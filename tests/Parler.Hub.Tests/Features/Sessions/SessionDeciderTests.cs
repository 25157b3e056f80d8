using Parler.Hub.Errors;
using Parler.Hub.Features.Rooms;
using Parler.Hub.Features.Sessions;

namespace Parler.Hub.Tests.Features.Sessions;

public sealed class SessionDeciderTests
{
    private const string Bob = "pa_bob0000000000";
    private const string Carol = "pa_carol00000000";

    [Fact]
    public void Approve_PendingAgentByIdPrefix_Approved()
    {
        var room = TestRooms.Channel((Bob, "bob", MemberStatus.Pending));

        SessionDecider.Approve(room, new MemberDecision(TestRooms.Owner, "pa_bob000")).Fact.ShouldBe(new MemberApproved(Bob));
    }

    [Fact]
    public void Approve_AgentAlreadyActive_RefusedAsNotFound()
    {
        var room = TestRooms.Channel((Bob, "bob", MemberStatus.Active));

        SessionDecider.Approve(room, new MemberDecision(TestRooms.Owner, "bob")).Refusal!.Error.ShouldBe(ErrorCodes.NotFound);
    }

    [Fact]
    public void Deny_NameTwoPendingAgentsShare_RefusedAsAmbiguousWithBoth()
    {
        var room = TestRooms.Channel((Bob, "sam", MemberStatus.Pending), (Carol, "sam", MemberStatus.Pending));

        var refusal = SessionDecider.Deny(room, new MemberDecision(TestRooms.Owner, "sam")).Refusal!;

        refusal.Error.ShouldBe(ErrorCodes.AmbiguousAgent);
        refusal.Detail.ShouldContain(Bob);
        refusal.Detail.ShouldContain(Carol);
    }

    [Fact]
    public void Remove_Themselves_RefusedAsValidationFailed()
    {
        var room = TestRooms.Channel();

        SessionDecider.Remove(room, new MemberDecision(TestRooms.Owner, "owner")).Refusal!.Error.ShouldBe(ErrorCodes.ValidationFailed);
    }

    [Fact]
    public void Remove_ActiveMemberByName_Removed()
    {
        var room = TestRooms.Channel((Bob, "bob", MemberStatus.Active));

        SessionDecider.Remove(room, new MemberDecision(TestRooms.Owner, "bob")).Fact.ShouldBe(new MemberRemoved(Bob));
    }
}

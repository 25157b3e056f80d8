using Parler.Hub.Errors;
using Parler.Hub.Features.Messages;
using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Tests.Features.Messages;

public sealed class MessageDeciderTests
{
    private const string Bob = "pa_bob0000000000";

    [Fact]
    public void Decide_ActiveMemberWithFreshNonce_PostsTheSignedBody()
    {
        var decision = MessageDecider.Decide(
            new PostState(TestRooms.Channel((Bob, "bob", MemberStatus.Active)), NonceSeen: false),
            new PostMessage(Bob, "text", "standup at 10", "nonce-0001", "sig"));

        decision.Refusal.ShouldBeNull();
        decision.Fact.ShouldBe(new MessagePosted("text", "standup at 10", "nonce-0001", "sig"));
    }

    [Fact]
    public void Decide_NonceTheRoomHolds_RefusedAsNonceReused()
    {
        var decision = MessageDecider.Decide(
            new PostState(TestRooms.Channel((Bob, "bob", MemberStatus.Active)), NonceSeen: true),
            new PostMessage(Bob, "text", "again", "nonce-0001", null));

        decision.Fact.ShouldBeNull();
        decision.Refusal!.Error.ShouldBe(ErrorCodes.NonceReused);
    }

    [Fact]
    public void Decide_AuthorWhoLeft_RefusedAsRoomNotFound()
    {
        var decision = MessageDecider.Decide(
            new PostState(TestRooms.Channel((Bob, "bob", MemberStatus.Left)), NonceSeen: false),
            new PostMessage(Bob, "text", "hello?", "nonce-0002", null));

        decision.Refusal!.Error.ShouldBe(ErrorCodes.RoomNotFound);
        Should.Throw<HubException>(() => decision.Unwrap()).Error.ShouldBe(ErrorCodes.RoomNotFound);
    }
}

using Parler.Hub.Errors;
using Parler.Hub.Features.Memory;
using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Tests.Features.Memory;

public sealed class MemoryDeciderTests
{
    private const string Bob = "pa_bob0000000000";

    [Fact]
    public void Decide_SharedNoteOfAMember_RemembersUnderTheTrimmedKey()
    {
        var decision = MemoryDecider.Decide(
            new RememberState(TestRooms.Channel((Bob, "bob", MemberStatus.Active))),
            new RememberNote(Bob, "deploy is blue-green", "  deploy-strategy ", Shared: true));

        decision.Fact.ShouldBe(new MemoryRemembered("deploy is blue-green", "deploy-strategy"));
    }

    [Fact]
    public void Decide_SharedNoteOfARemovedMember_RefusedAsRoomNotFound()
    {
        var decision = MemoryDecider.Decide(
            new RememberState(TestRooms.Channel((Bob, "bob", MemberStatus.Removed))),
            new RememberNote(Bob, "still here", null, Shared: true));

        decision.Refusal!.Error.ShouldBe(ErrorCodes.RoomNotFound);
    }

    [Fact]
    public void Decide_PrivateNote_NeedsNoRoom()
    {
        var decision = MemoryDecider.Decide(new RememberState(null), new RememberNote(Bob, "my own note", null, Shared: false));

        decision.Fact.ShouldBe(new MemoryRemembered("my own note", null));
    }
}

using Parler.Hub.Errors;
using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Tests.Features.Rooms;

public sealed class RoomDeciderTests
{
    private const string Bob = "pa_bob0000000000";

    [Fact]
    public void Leave_ActiveMember_Left()
    {
        RoomDecider.Leave(TestRooms.Channel((Bob, "bob", MemberStatus.Active)), Bob).Fact.ShouldBe(new MemberLeft(Bob));
    }

    [Fact]
    public void Leave_AgentWhoAlreadyLeft_RefusedAsRoomNotFound()
    {
        RoomDecider.Leave(TestRooms.Channel((Bob, "bob", MemberStatus.Left)), Bob).Refusal!.Error.ShouldBe(ErrorCodes.RoomNotFound);
    }
}

using System.Collections.Immutable;
using Parler.Hub.Errors;
using Parler.Hub.Features.Handoffs;
using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Tests.Features.Handoffs;

public sealed class HandoffDeciderTests
{
    private const string Bob = "pa_bob0000000000";
    private const string Carol = "pa_carol00000000";

    private static PostHandoff To(string target) => new(TestRooms.Owner, "ho_1", target, "rotation done", "wire the UI", "nonce-0001", null, null);

    private static RoomState Team() => TestRooms.Channel((Bob, "bob", MemberStatus.Active), (Carol, "carol", MemberStatus.Left));

    [Fact]
    public void Post_ActiveMemberByName_PostedForThatMember()
    {
        var posted = HandoffDecider.Post(new HandoffPostState(Team(), false), To("BOB")).Fact!;

        posted.ShouldBe(new HandoffPosted("ho_1", "BOB", "rotation done", "wire the UI", "nonce-0001", null, null, Bob));
    }

    [Fact]
    public void Post_ByIdPrefixAndByRole_ResolvedInThatOrder()
    {
        HandoffDecider.Addressee(Team(), "pa_bob000").Fact!.AgentId.ShouldBe(Bob);
        HandoffDecider.Addressee(Team(), "owner").Fact!.AgentId.ShouldBe(TestRooms.Owner);
    }

    [Fact]
    public void Post_MemberWhoLeft_RefusedAsNotFoundListingWhoIsIn()
    {
        var refusal = HandoffDecider.Post(new HandoffPostState(Team(), false), To("carol")).Refusal!;

        refusal.Error.ShouldBe(ErrorCodes.NotFound);
        refusal.Detail.ShouldContain(Bob);
    }

    [Fact]
    public void Post_RoleTwoMembersShare_RefusedAsAmbiguous()
    {
        HandoffDecider.Post(new HandoffPostState(Team(), false), To("member")).Refusal.ShouldBeNull();
        var room = TestRooms.Channel((Bob, "bob", MemberStatus.Active), (Carol, "carol", MemberStatus.Active));

        HandoffDecider.Post(new HandoffPostState(room, false), To("member")).Refusal!.Error.ShouldBe(ErrorCodes.AmbiguousAgent);
    }

    [Fact]
    public void Post_NonceTheRoomHolds_RefusedAsNonceReused()
    {
        HandoffDecider.Post(new HandoffPostState(Team(), true), To("bob")).Refusal!.Error.ShouldBe(ErrorCodes.NonceReused);
    }

    [Fact]
    public void Report_HandoffOfTheRoom_Reported()
    {
        var room = Team() with { Handoffs = ImmutableDictionary<string, HandoffState>.Empty.Add("ho_1", new("ho_1", Bob, TestRooms.Owner, TaskStatuses.Open)) };

        HandoffDecider.Report(room, new ReportTaskStatus("ho_1", "done", "shipped")).Fact.ShouldBe(new TaskStatusReported("ho_1", "done", "shipped"));
    }

    [Fact]
    public void Report_UnknownHandoff_RefusedAsNotFound()
    {
        HandoffDecider.Report(Team(), new ReportTaskStatus("ho_9", "done", null)).Refusal!.Error.ShouldBe(ErrorCodes.NotFound);
    }
}

using System.Collections.Immutable;
using Parler.Core.Protocol;
using Parler.Hub.Features.Cards;
using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Tests.Features.Cards;

public sealed class CardDeciderTests
{
    private const string Ann = "pa_ann0000000000";
    private const string Bob = "pa_bob0000000000";

    private static readonly Dictionary<string, string> Names = new() { [Ann] = "ann", [Bob] = "bob" };

    private static RoomState Dm(string annStatus, string bobStatus) =>
        TestRooms.Channel() with
        {
            Kind = RoomKinds.Dm,
            Members = ImmutableDictionary<string, MemberState>.Empty
                .Add(Ann, new MemberState(Ann, "ann", Roles.Owner, annStatus, 1))
                .Add(Bob, new MemberState(Bob, "bob", Roles.Member, bobStatus, 2)),
        };

    [Fact]
    public void Publish_CheckedCard_PublishedAsSigned()
    {
        var card = new CardFields("ann", null, null, null, null, "public", "2026-01-01T00:00:00Z");

        CardDecider.Publish(new PublishCard(Ann, card, "sig")).Fact.ShouldBe(new CardPublished(Ann, card, "sig"));
    }

    [Fact]
    public void OpenDm_NoRoomYet_CreatedAndJoinedByTheOpenerAsOwnerThenTheOther()
    {
        var opening = CardDecider.OpenDm(new DmState(null, Names), new OpenDm(Bob, Ann)).Fact!;

        opening.Created.ShouldBe(new RoomCreated("dm-_ann0000-_bob0000", RoomKinds.Dm, false));
        opening.Joins.ShouldBe([new MemberJoined(Bob, "bob", Roles.Owner), new MemberJoined(Ann, "ann", Roles.Member)]);
    }

    [Fact]
    public void OpenDm_OtherLeft_TheOtherJoinsAgainAsMember()
    {
        var opening = CardDecider.OpenDm(new DmState(Dm(MemberStatus.Active, MemberStatus.Left), Names), new OpenDm(Ann, Bob)).Fact!;

        opening.Created.ShouldBeNull();
        opening.Joins.ShouldBe([new MemberJoined(Bob, "bob", Roles.Member)]);
    }

    [Fact]
    public void OpenDm_AgentWithNoName_JoinsUnderItsId()
    {
        CardDecider.OpenDm(new DmState(null, new Dictionary<string, string>()), new OpenDm(Ann, Bob)).Fact!.Joins[1].Name.ShouldBe(Bob);
    }

    [Fact]
    public void OpenDm_BothIn_AppendsNothing()
    {
        var decision = CardDecider.OpenDm(new DmState(Dm(MemberStatus.Active, MemberStatus.Active), Names), new OpenDm(Ann, Bob));

        decision.Fact.ShouldBeNull();
        decision.Refusal.ShouldBeNull();
    }
}

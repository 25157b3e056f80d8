using Parler.Hub.Tests.Actions;

namespace Parler.Hub.Tests.Features.Rooms;

/// <summary>rooms.wait: one long-poll over all of an agent's rooms, woken by what lands in them and by a room it is newly in.</summary>
public sealed class RoomWaitTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Wait_AMessageInOneRoom_AnswersWithTheNewHead()
    {
        var alice = hub.NewClient("rw1-alice");
        var room = await alice.CreateRoomAsync("rw1", "channel", None);
        var first = await alice.WaitRoomsAsync(null, 30, None);

        var waiting = alice.WaitRoomsAsync(first.Mark, 30, None);
        var posted = await alice.PostMessageAsync(room.Id, "hello", null, None);
        var woken = await waiting.WaitAsync(Patience);

        woken.Mark.ShouldNotBe(first.Mark);
        woken.Rooms.Single(r => r.Id == room.Id).Head.ShouldBe(posted.Seq);
    }

    [Fact]
    public async Task Wait_ADirectRoomOpenedToTheCaller_WakesWithTheNewRoom()
    {
        var (alice, bob) = (hub.NewClient("rw2-alice"), hub.NewClient("rw2-bob"));
        var shared = await alice.CreateRoomAsync("rw2", "channel", None);
        await bob.RedeemInviteAsync((await alice.MintInviteAsync(shared.Id, null, null, None)).Code, None);
        var before = await bob.WaitRoomsAsync(null, 0, None);

        var waiting = bob.WaitRoomsAsync(before.Mark, 30, None);
        var dm = await alice.OpenDmAsync(bob.Identity.Id, None);
        var woken = await waiting.WaitAsync(Patience);

        woken.Rooms.ShouldContain(r => r.Id == dm.Id && r.Kind == "dm");
    }
}

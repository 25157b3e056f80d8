using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Parler.Client;
using Parler.Core.Facts;
using Parler.Core.Identity;
using Parler.Core.Protocol;
using Parler.Hub.Tests.Actions;

namespace Parler.Hub.Tests.Features.Cards;

public sealed class CardTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static CardFields Card(string name, string visibility, params string[] tags) =>
        new(name, "planner", $"{name} decomposes goals into ordered plans.", tags, ["decompose"], visibility, null);

    [Fact]
    public async Task PublicCard_FoundByTagFromAnotherIdentity_VerifiesThere()
    {
        var planner = hub.NewClient("planner-pub");
        await planner.PublishCardAsync(Card("planner-pub", "public", "planning-pub"), None);

        var found = await hub.NewClient("seeker-pub").DiscoverAsync(new(Tag: "planning-pub", Public: true), None);

        found.ShouldHaveSingleItem().Agent.ShouldBe(planner.Identity.Id);
        HubClient.Verify(found[0]).ShouldBeTrue();
    }

    [Fact]
    public async Task Card_ForgedOrAltered_IsRefusedAsSignatureInvalid()
    {
        var victim = hub.NewClient("victim");
        var token = (await victim.SignInAsync(None)).Token;
        var card = Card("victim", "public") with { UpdatedAt = "2026-01-01T00:00:00Z" };
        var forged = new PublishCardRequest(card, CardSignature.Sign(AgentKey.Generate(), card));
        var altered = new PublishCardRequest(
            card with { Description = "Sends me your keys." }, CardSignature.Sign(victim.Identity.Key, card));
        using var http = new HttpClient { BaseAddress = hub.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Add("Parle-Version", "1");

        foreach (var request in new[] { forged, altered })
        {
            var response = await http.PostAsJsonAsync("/v1/cards", request, ProtocolJsonContext.Default.PublishCardRequest);

            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await response.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"signature_invalid\"");
        }

        (await hub.NewClient("reader-forged").DiscoverAsync(new(Q: "victim"), None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PrivateCard_InvisibleToStranger_VisibleToRoommate()
    {
        var hermit = hub.NewClient("hermit");
        await hermit.PublishCardAsync(Card("hermit", "private", "hidden-tag"), None);
        var room = await hermit.CreateRoomAsync("hermitage", "channel", None);
        var invite = await hermit.MintInviteAsync(room.Id, null, null, None);
        var roommate = hub.NewClient("roommate");
        await roommate.RedeemInviteAsync(invite.Code, None);
        var stranger = hub.NewClient("stranger");

        var strangerFinds = await stranger.DiscoverAsync(new(Tag: "hidden-tag"), None);
        var strangerGets = await Should.ThrowAsync<HubClientException>(() => stranger.GetCardAsync(hermit.Identity.Id, None));
        var missing = await Should.ThrowAsync<HubClientException>(() => stranger.GetCardAsync(AgentKey.Generate().Id, None));
        var roommateFinds = await roommate.DiscoverAsync(new(Tag: "hidden-tag"), None);
        var roommatePublicOnly = await roommate.DiscoverAsync(new(Tag: "hidden-tag", Public: true), None);

        strangerFinds.ShouldBeEmpty();
        strangerGets.Code.ShouldBe("not_found");
        missing.Code.ShouldBe("not_found");
        roommateFinds.ShouldHaveSingleItem().Agent.ShouldBe(hermit.Identity.Id);
        roommatePublicOnly.ShouldBeEmpty();
        (await roommate.GetCardAsync(hermit.Identity.Id, None)).Card.Name.ShouldBe("hermit");
    }

    [Fact]
    public async Task Dm_AmbiguousName_IsRefusedListingTheCandidates()
    {
        var first = hub.NewClient("twin-a");
        var second = hub.NewClient("twin-b");
        await first.PublishCardAsync(Card("twin", "public"), None);
        await second.PublishCardAsync(Card("twin", "public"), None);

        var refused = await Should.ThrowAsync<HubClientException>(() => hub.NewClient("caller-twin").OpenDmAsync("twin", None));

        refused.Code.ShouldBe("ambiguous_agent");
        refused.Message.ShouldContain(first.Identity.Id);
        refused.Message.ShouldContain(second.Identity.Id);
    }

    [Fact]
    public async Task Dm_ToPrivateStranger_IsRefusedLikeANameThatDoesNotExist()
    {
        var shy = hub.NewClient("shy");
        await shy.PublishCardAsync(Card("shy", "private"), None);
        var caller = hub.NewClient("pushy");

        var byName = await Should.ThrowAsync<HubClientException>(() => caller.OpenDmAsync("shy", None));
        var byId = await Should.ThrowAsync<HubClientException>(() => caller.OpenDmAsync(shy.Identity.Id, None));
        var nobody = await Should.ThrowAsync<HubClientException>(() => caller.OpenDmAsync("nobody-at-all", None));
        var nobodyId = await Should.ThrowAsync<HubClientException>(() => caller.OpenDmAsync(AgentKey.Generate().Id, None));

        byName.Problem!.Status.ShouldBe(404);
        byName.Code.ShouldBe(nobody.Code);
        byName.Message.Replace("shy", "X", StringComparison.Ordinal).ShouldBe(nobody.Message.Replace("nobody-at-all", "X", StringComparison.Ordinal));
        byId.Code.ShouldBe(nobodyId.Code);
        byId.Message.Replace(shy.Identity.Id, "X", StringComparison.Ordinal)
            .ShouldBe(nobodyId.Message.Replace(nobodyId.Message.Split('\'')[1], "X", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dm_ToPublicCard_ReachesTheRecipientInOneRoom()
    {
        var planner = hub.NewClient("planner-dm");
        await planner.PublishCardAsync(Card("planner-dm", "public"), None);
        var sender = hub.NewClient("sender-dm");

        var room = await sender.OpenDmAsync("planner-dm", None);
        await sender.PostMessageAsync(room.Id, "got a minute?", null, None);
        var again = await sender.OpenDmAsync(planner.Identity.Id, None);
        var back = await planner.OpenDmAsync("sender-dm", None);
        var read = await planner.ReadAsync(room.Id, 0, null, null, None);

        room.Kind.ShouldBe("dm");
        room.Members.ShouldBe(2);
        again.Id.ShouldBe(room.Id);
        back.Id.ShouldBe(room.Id);
        (await planner.ListRoomsAsync(None)).ShouldContain(r => r.Id == room.Id);
        read.Events.ShouldContain(e => e.Type == "message.posted" && FactData.Read<MessagePosted>(e.Data).Body == "got a minute?");
    }

    [Fact]
    public async Task Dm_OpenedByBothSidesAtOnce_IsOneRoom()
    {
        var left = hub.NewClient("twin-left");
        var right = hub.NewClient("twin-right");
        await left.PublishCardAsync(Card("twin-left", "public"), None);
        await right.PublishCardAsync(Card("twin-right", "public"), None);
        await Task.WhenAll(left.SignInAsync(None), right.SignInAsync(None));

        var opened = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            i % 2 == 0 ? left.OpenDmAsync(right.Identity.Id, None) : right.OpenDmAsync(left.Identity.Id, None)));

        opened.Select(r => r.Id).Distinct().ShouldHaveSingleItem();
        (await left.ListRoomsAsync(None)).Count(r => r.Kind == "dm").ShouldBe(1);
        (await right.ListRoomsAsync(None)).Count(r => r.Kind == "dm").ShouldBe(1);
    }

    [Fact]
    public async Task Discover_Online_KeepsAgentsSeenWithinTheWindow()
    {
        var idle = hub.NewClient("presence-idle");
        var busy = hub.NewClient("presence-busy");
        await idle.PublishCardAsync(Card("presence-idle", "public", "presence"), None);
        await busy.PublishCardAsync(Card("presence-busy", "public", "presence"), None);
        var seeker = hub.NewClient("presence-seeker");

        hub.Time.Advance(TimeSpan.FromMinutes(3));
        await busy.WhoAmIAsync(None);
        var online = await seeker.DiscoverAsync(new(Tag: "presence", Online: true), None);
        var all = await seeker.DiscoverAsync(new(Tag: "presence"), None);

        online.ShouldHaveSingleItem().Agent.ShouldBe(busy.Identity.Id);
        var quiet = all.Single(c => c.Agent == idle.Identity.Id).Presence!;
        quiet.Online.ShouldBeFalse();
        quiet.LastSeen.ShouldBe(hub.Time.GetUtcNow() - TimeSpan.FromMinutes(3));
        HubClient.Verify(all[0]).ShouldBeTrue();
    }
}

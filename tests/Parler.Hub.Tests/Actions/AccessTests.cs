using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Parler.Client;

namespace Parler.Hub.Tests.Actions;

public sealed class AccessTests(HubFixture hub) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task Token_AfterExpiry_IsRefusedAndTheClientSignsInAgain()
    {
        var alice = hub.NewClient("alice-expiry");
        var token = await alice.SignInAsync(CancellationToken.None);
        hub.Time.Advance(TimeSpan.FromHours(25));
        using var http = new HttpClient { BaseAddress = hub.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);

        var raw = await http.GetAsync("/v1/rooms");
        var rooms = await alice.ListRoomsAsync(CancellationToken.None);

        raw.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await raw.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"token_expired\"");
        rooms.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invite_UsedUp_IsRefusedSayingSo()
    {
        var owner = hub.NewClient("owner-uses");
        var room = await owner.CreateRoomAsync("one-seat", "channel", CancellationToken.None);
        var invite = await owner.MintInviteAsync(room.Id, null, 1, CancellationToken.None);
        await hub.NewClient("first").RedeemInviteAsync(invite.Code, CancellationToken.None);

        var refused = await Should.ThrowAsync<HubClientException>(() =>
            hub.NewClient("second").RedeemInviteAsync(invite.Code.ToLowerInvariant(), CancellationToken.None));

        refused.Code.ShouldBe("invite_invalid");
        refused.Message.ShouldContain("used up");
    }

    [Fact]
    public async Task Invite_RevokedByMinter_IsRefused()
    {
        var owner = hub.NewClient("owner-revoke");
        var room = await owner.CreateRoomAsync("closing", "channel", CancellationToken.None);
        var invite = await owner.MintInviteAsync(room.Id, null, null, CancellationToken.None);
        await owner.RevokeInviteAsync(room.Id, invite.Code, CancellationToken.None);

        var refused = await Should.ThrowAsync<HubClientException>(() =>
            hub.NewClient("late").RedeemInviteAsync(invite.Code, CancellationToken.None));

        refused.Message.ShouldContain("revoked");
    }

    [Fact]
    public async Task SessionKey_MintedByAMemberWithoutApproval_IsRefused()
    {
        var host = hub.NewClient("host-skip");
        var (room, key) = await host.OpenSessionAsync("vetted", "context", approval: true, null, null, CancellationToken.None);
        var member = hub.NewClient("member-skip");
        (await member.RedeemInviteAsync(key.Code, CancellationToken.None)).Status.ShouldBe("pending");
        await host.DecideAsync(room.Id, member.Identity.Id, "approve", CancellationToken.None);

        var refused = await Should.ThrowAsync<HubClientException>(() =>
            member.MintInviteAsync(room.Id, null, null, CancellationToken.None, approval: false));
        var vetted = await member.MintInviteAsync(room.Id, null, null, CancellationToken.None);

        refused.Code.ShouldBe("forbidden");
        vetted.Approval.ShouldBeTrue();
    }

    [Fact]
    public async Task Redeem_ManyWrongCodes_IsRateLimited()
    {
        var guesser = hub.NewClient("guesser");
        for (var i = 0; i < 20; i++)
        {
            (await Should.ThrowAsync<HubClientException>(() => guesser.RedeemInviteAsync($"WRONG{i:D3}", CancellationToken.None)))
                .Code.ShouldBe("invite_invalid");
        }

        var limited = await Should.ThrowAsync<HubClientException>(() => guesser.RedeemInviteAsync("WRONG999", CancellationToken.None));

        limited.Code.ShouldBe("rate_limited");
    }

    [Fact]
    public async Task Affordances_ForMember_AllowMemberActionsAndDenyOwnerOnlyOnesNowhere()
    {
        var owner = hub.NewClient("owner-aff");
        var room = await owner.CreateRoomAsync("aff", "channel", CancellationToken.None);

        var affordances = await owner.AffordancesAsync(room.Id, CancellationToken.None);

        affordances.Actions.ShouldContain(a => a.Action == "messages.post" && a.Allowed && a.Href == $"/v1/rooms/{room.Id}/messages");
        affordances.Actions.ShouldContain(a => a.Action == "invites.redeem" && a.Allowed);
    }

    [Fact]
    public async Task Leave_ThenRead_IsTheUniformNotFound()
    {
        var owner = hub.NewClient("owner-leave");
        var room = await owner.CreateRoomAsync("leaving", "channel", CancellationToken.None);
        await owner.LeaveAsync(room.Id, CancellationToken.None);

        var refused = await Should.ThrowAsync<HubClientException>(() => owner.ReadAsync(room.Id, null, null, null, CancellationToken.None));

        refused.Code.ShouldBe("room_not_found");
    }

    [Fact]
    public async Task Revoke_RoomTokenNamingTheAgentWideToken_IsRefusedAndTheTokenStands()
    {
        var agent = hub.NewClient("room-token-revoker");
        var room = await agent.CreateRoomAsync("scoped-revoke", "channel", CancellationToken.None);
        var agentWide = await agent.SignInAsync(CancellationToken.None);
        using var http = new HttpClient { BaseAddress = hub.Url };
        var challenge = await (await http.PostAsJsonAsync("/v1/auth/challenge", new { agent_id = agent.Identity.Id })).Content
            .ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        var signature = Convert.ToBase64String(agent.Identity.Key.Sign(System.Text.Encoding.UTF8.GetBytes(challenge!["sign"]!.GetValue<string>())));
        var roomToken = await (await http.PostAsJsonAsync(
            "/v1/auth/token",
            new { agent_id = agent.Identity.Id, challenge = challenge["challenge"]!.GetValue<string>(), signature, room = room.Id })).Content
            .ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", roomToken!["token"]!.GetValue<string>());

        var refused = await http.PostAsJsonAsync("/v1/auth/revoke", new { token_id = agentWide.TokenId });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", agentWide.Token);
        var stillWorks = await http.GetAsync("/v1/me");

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"token_scope\"");
        stillWorks.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

using System.Text.Json.Nodes;
using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary>The seed guide's main event with the built binary: open, knock, approve, catch up, hand off.</summary>
public sealed class SessionFlowTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    private const int Backlog = 250;

    [Fact]
    public async Task Session_KnockApproveHandoff_FullContextOverSeveralPagesAndBannerOnlyForAddressee()
    {
        var host = fixture.Agent("host");
        var webdev = fixture.Agent("webdev");
        var bystander = fixture.Agent("bystander");
        var opened = await host.RunOkAsync(
            "session", "open", "--topic", "auth-redesign", "--context", "Designing auth in src/auth.rs. Chose PKCE + refresh tokens. TODO: rotation.");
        var key = opened.Out.Split(' ')[1];
        opened.Out.ShouldBe($"KEY: {key} · room 'auth-redesign'");
        using (var api = await HubApi.SignInAsync(host))
        {
            var roomId = (await api.GetAsync("/v1/rooms")).Json["rooms"]![0]!["id"]!.GetValue<string>();
            for (var i = 1; i <= Backlog; i++)
            {
                (await api.PostMessageAsync(roomId, $"backlog {i}", null)).Status.ShouldBe(System.Net.HttpStatusCode.Created);
            }
        }

        var knock = await webdev.RunAsync("session", "join", key);
        knock.ExitCode.ShouldBe(7, knock.ToString());
        knock.Out.ShouldStartWith("pending:");
        knock.Out.ShouldNotContain("Designing auth");
        var send = await webdev.RunAsync("send", "--room", "auth-redesign", "hello?");
        send.ExitCode.ShouldBe(7, send.ToString());
        send.Error.ShouldContain("waiting for the host to approve you");

        var requests = await host.RunOkAsync("session", "requests", "--room", "auth-redesign", "--json");
        var webdevId = JsonNode.Parse(requests.Out)!["requests"]![0]!["agent_id"]!.GetValue<string>();
        await host.RunOkAsync("session", "approve", "--room", "auth-redesign", webdevId);

        var joined = await webdev.RunOkAsync("session", "join", key);
        var says = joined.Lines.Where(l => l.Contains(" says: ", StringComparison.Ordinal)).ToList();
        says.Count.ShouldBe(Backlog + 1, joined.ToString());
        says[0].ShouldEndWith("verified) says: Designing auth in src/auth.rs. Chose PKCE + refresh tokens. TODO: rotation.");
        says[^1].ShouldEndWith("says: backlog 250");
        joined.Out.ShouldNotContain("CHAIN BROKEN");
        (await webdev.RunOkAsync("recv", "--room", "auth-redesign")).Error.ShouldContain("nothing new");

        (await bystander.RunAsync("session", "join", key)).ExitCode.ShouldBe(7);
        await host.RunOkAsync("session", "approve", "--room", "auth-redesign", "bystander");
        await bystander.RunOkAsync("session", "join", key);
        await using var watcher = webdev.Start("recv", "--room", "auth-redesign", "--watch");
        await host.RunOkAsync("handoff", "--room", "auth-redesign", "--for", "webdev",
            "--summary", "rotation done, endpoints in src/auth.rs", "--next", "wire the login UI to the new endpoints");

        await watcher.WaitForOutputAsync(l => l.Contains("=== HANDOFF TO YOU from host", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "the banner");
        await watcher.WaitForOutputAsync(l => l.Contains("next: wire the login UI to the new endpoints", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "the next step");
        var seen = await bystander.RunOkAsync("recv", "--room", "auth-redesign");
        seen.Out.ShouldContain("handed off to webdev");
        seen.Out.ShouldNotContain("HANDOFF TO YOU");
    }

    [Fact]
    public async Task Session_Denied_NeverReadsAndStaysDenied()
    {
        var host = fixture.Agent("host-deny");
        var stranger = fixture.Agent("stranger");
        var key = (await host.RunOkAsync("session", "open", "--topic", "deny-room", "--context", "private plan")).Out.Split(' ')[1];

        (await stranger.RunAsync("session", "join", key)).ExitCode.ShouldBe(7);
        await host.RunOkAsync("session", "deny", "--room", "deny-room", "stranger");
        var again = await stranger.RunAsync("session", "join", key);

        again.ExitCode.ShouldBe(4, again.ToString());
        again.Out.ShouldNotContain("private plan");
    }
}

using System.Text.Json.Nodes;
using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary>Ids as printed with the built binary: job, token and joiner ids by their first 8 characters, like git.</summary>
public sealed class IdPrefixTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task Job_AckAndJobByEightCharacters_ResolvedToTheWholeId()
    {
        var sender = fixture.Agent("px-sender");
        var worker = fixture.Agent("px-worker");
        await worker.RunOkAsync("serve", "px-review", "--once", "--wait", "0");
        var id = (await sender.RunOkAsync("send", "--service", "px-review", "review PR #7")).Out.Trim();
        var leased = await worker.RunOkAsync("serve", "px-review", "--once", "--wait", "10");
        leased.Out.ShouldStartWith(id);

        var acked = await worker.RunOkAsync("ack", id[..8], "--done", "LGTM");
        var status = await sender.RunOkAsync("job", id[..8]);
        var tooShort = await sender.RunAsync("job", id[..7]);

        acked.Out.ShouldStartWith($"{id} done");
        status.Out.ShouldContain($"{id} done (attempts 1)");
        status.Out.ShouldContain("result: LGTM");
        tooShort.ExitCode.ShouldBe(5, tooShort.ToString());
    }

    [Fact]
    public async Task Token_RevokeByEightCharacters_RevokesTheCachedToken()
    {
        var alice = fixture.Agent("px-alice");
        await alice.RunOkAsync("rooms");
        var tokenId = JsonNode.Parse(File.ReadAllText(Path.Combine(alice.Home, "tokens.json")))![fixture.HubUrl]!["token_id"]!.GetValue<string>();

        var revoked = await alice.RunOkAsync("revoke", "token", tokenId[..8]);

        revoked.Out.ShouldBe($"revoked token {tokenId}");
    }

    [Fact]
    public async Task Approve_JoinerByEightCharactersOfItsId_AdmitsIt()
    {
        var host = fixture.Agent("px-host");
        var joiner = fixture.Agent("px-joiner");
        var key = (await host.RunOkAsync("session", "open", "--topic", "px-session", "--context", "ctx")).Out.Split(' ')[1];
        (await joiner.RunAsync("session", "join", key)).ExitCode.ShouldBe(7);
        var requests = await host.RunOkAsync("session", "requests", "--room", "px-session", "--json");
        var joinerId = JsonNode.Parse(requests.Out)!["requests"]![0]!["agent_id"]!.GetValue<string>();

        var tooShort = await host.RunAsync("session", "approve", "--room", "px-session", joinerId[..7]);
        await host.RunOkAsync("session", "approve", "--room", "px-session", joinerId[..8]);

        tooShort.ExitCode.ShouldBe(5, tooShort.ToString());
        (await joiner.RunOkAsync("session", "join", key)).Out.ShouldContain("says: ctx");
    }
}

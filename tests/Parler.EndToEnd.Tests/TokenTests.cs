using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

public sealed class TokenTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task Token_RevokedWithCli_RefusedOverHttpAndCliSignsInAgain()
    {
        var alice = fixture.Agent("alice");
        await alice.RunOkAsync("invite", "--group", "team");
        var (oldToken, oldId) = Cached(alice);

        var revoked = await alice.RunOkAsync("revoke", "token");
        revoked.Out.ShouldBe($"revoked token {oldId}");

        using var api = new HubApi(fixture.HubUrl) { Token = oldToken };
        var refused = await api.GetAsync("/v1/rooms");
        refused.Status.ShouldBe(HttpStatusCode.Unauthorized, refused.ToString());
        refused.Code.ShouldBe("token_revoked");
        refused.Json["action"]!.GetValue<string>().ShouldBe("reauthorize");

        var rooms = await alice.RunOkAsync("rooms");
        rooms.Lines.ShouldContain(l => l.StartsWith("team ", StringComparison.Ordinal), rooms.ToString());
        var (newToken, newId) = Cached(alice);
        newId.ShouldNotBe(oldId);
        api.Token = newToken;
        (await api.GetAsync("/v1/rooms")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_GarbageOrMissing_RefusedAsUnauthorized()
    {
        using var api = new HubApi(fixture.HubUrl) { Token = "garbage-" + Guid.NewGuid().ToString("N") };
        var garbage = await api.GetAsync("/v1/rooms");
        garbage.Status.ShouldBe(HttpStatusCode.Unauthorized, garbage.ToString());
        garbage.MediaType.ShouldBe("application/problem+json");
        garbage.Code.ShouldBe("token_invalid");
        garbage.Json["action"]!.GetValue<string>().ShouldBe("reauthorize");

        api.Token = null;
        var missing = await api.GetAsync("/v1/rooms");
        missing.Status.ShouldBe(HttpStatusCode.Unauthorized, missing.ToString());
        missing.Code.ShouldBe("unauthorized");
    }

    [Fact]
    public async Task SendFile_CachedTokenRevokedUnderIt_SignsInAgainAndSendsTheFileOnce()
    {
        var team = await fixture.TeamAsync("token-upload");
        var (token, _) = Cached(team.Alice);
        using var api = new HubApi(fixture.HubUrl) { Token = token };
        (await api.PostAsync("/v1/auth/revoke", new JsonObject())).Status.ShouldBe(HttpStatusCode.Created);
        var source = fixture.ScratchPath("after-revoke.txt");
        await File.WriteAllTextAsync(source, "sent on a renewed token");

        // The room by id, so the upload is the first call and meets the revoked token (the upload is sent twice).
        var sent = await team.Alice.RunAsync("send-file", "--room", team.RoomId, source);

        sent.ExitCode.ShouldBe(0, sent.ToString());
        var shared = await team.Bob.RunOkAsync("recv", "--room", team.RoomId);
        Regex.Count(shared.Out, "sent file 'after-revoke.txt'").ShouldBe(1, shared.Out);
    }

    private (string Token, string TokenId) Cached(ParlerCli agent)
    {
        var cache = JsonNode.Parse(File.ReadAllText(Path.Combine(agent.Home, "tokens.json")))!;
        var entry = cache[fixture.HubUrl] ?? throw new InvalidOperationException($"No token cached for {fixture.HubUrl}: {cache}");
        return (entry["token"]!.GetValue<string>(), entry["token_id"]!.GetValue<string>());
    }
}

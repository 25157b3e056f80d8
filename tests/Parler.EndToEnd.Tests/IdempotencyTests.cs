using System.Net;
using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

public sealed class IdempotencyTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task PostMessage_RetriedWithSameKey_OneFactAndConflictForAnotherBody()
    {
        var team = await fixture.TeamAsync();
        using var alice = await HubApi.SignInAsync(team.Alice);
        var key = Guid.NewGuid().ToString("N");
        var nonce = Guid.NewGuid().ToString("N");

        var first = await alice.PostMessageAsync(team.RoomId, "exactly once", key, nonce);
        first.Status.ShouldBe(HttpStatusCode.Created, first.ToString());
        first.Json["replayed"]!.GetValue<bool>().ShouldBeFalse();

        var retry = await alice.PostMessageAsync(team.RoomId, "exactly once", key, nonce);
        retry.Status.ShouldBe(HttpStatusCode.OK, retry.ToString());
        retry.Json["replayed"]!.GetValue<bool>().ShouldBeTrue();
        retry.Json["seq"]!.GetValue<long>().ShouldBe(first.Json["seq"]!.GetValue<long>());
        retry.Json["hash"]!.GetValue<string>().ShouldBe(first.Json["hash"]!.GetValue<string>());

        var conflict = await alice.PostMessageAsync(team.RoomId, "something else", key);
        conflict.Status.ShouldBe(HttpStatusCode.Conflict, conflict.ToString());
        conflict.MediaType.ShouldBe("application/problem+json");
        conflict.Code.ShouldBe("idempotency_conflict");

        var read = await alice.GetAsync($"/v1/rooms/{team.RoomId}/messages?after=0&limit=500");
        read.Status.ShouldBe(HttpStatusCode.OK, read.ToString());
        var bodies = read.Json["events"]!.AsArray()
            .Where(e => e!["type"]!.GetValue<string>() == "message.posted")
            .Select(e => e!["data"]!["body"]!.GetValue<string>())
            .ToList();
        bodies.ShouldBe(["exactly once"]);

        var received = await team.Bob.RunOkAsync("recv", "--room", "team");
        received.Lines.Count(l => l.Contains(" says: exactly once", StringComparison.Ordinal)).ShouldBe(1, received.ToString());
        received.Lines.ShouldNotContain(l => l.Contains("something else", StringComparison.Ordinal));
    }
}

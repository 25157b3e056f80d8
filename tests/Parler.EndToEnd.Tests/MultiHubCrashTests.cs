using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Parler.EndToEnd.Tests.Harness;
using Xunit.Abstractions;

namespace Parler.EndToEnd.Tests;

/// <summary>
/// kill -9 of one of two hubs on one database during a send storm: senders retry by Idempotency-Key against the other
/// hub, and every message is stored exactly once and reaches every watcher once, in order.
/// </summary>
[Trait("Category", "Postgres")]
public sealed partial class MultiHubCrashTests(PostgresHubFixture fixture, ITestOutputHelper output) : IClassFixture<PostgresHubFixture>
{
    private const int PerSender = 150;
    private const int KillAfter = 10;

    [Fact]
    public async Task OneOfTwoHubsKilledDuringSendStorm_RetriesOnTheOtherStoreEachMessageOnceForEveryWatcher()
    {
        var second = await fixture.AddHubAsync();
        var team = await fixture.TeamAsync();
        await using var bobWatch = team.Bob.On(second.Url).Start("recv", "--room", "team", "--watch");
        await using var aliceWatch = team.Alice.On(second.Url).Start("recv", "--room", "team", "--watch");
        await bobWatch.WaitForOutputAsync(l => l.EndsWith("* you joined as member", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "bob's backlog");
        await aliceWatch.WaitForOutputAsync(l => l.EndsWith("joined as member", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "alice's backlog");

        var underway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var senders = new[] { ("a", team.Alice), ("b", team.Bob) }
            .Select(s => Task.Run(() => StormAsync(s.Item1, s.Item2, team.RoomId, second.Url, underway)))
            .ToList();
        await underway.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await fixture.Hub.KillAsync();
        senders.ShouldContain(s => !s.IsCompleted, "the storm should still be on when the hub dies");

        var retried = (await Task.WhenAll(senders).WaitAsync(TimeSpan.FromSeconds(120))).Sum();
        output.WriteLine($"sends retried on the second hub after the kill: {retried}");
        retried.ShouldBeGreaterThan(0);
        foreach (var (watcher, peer) in new[] { (bobWatch, "a"), (aliceWatch, "b") })
        {
            var expected = Enumerable.Range(1, PerSender).Select(i => $"{peer}-{i:000}").ToList();
            await watcher.WaitUntilAsync(() => Said(watcher.Output).Count >= expected.Count, TimeSpan.FromSeconds(60), "every message of the peer");
            var said = Said(watcher.Output);
            said.Select(m => m.Text).ShouldBe(expected, watcher.Transcript());
            said.Select(m => m.Seq).ShouldBeInOrder(SortDirection.Ascending);
        }

        using var reader = await HubApi.SignInAsync(team.Bob.On(second.Url));
        var record = await reader.GetAsync($"/v1/rooms/{team.RoomId}/messages?after=0&limit=500");
        var bodies = record.Json["events"]!.AsArray()
            .Where(e => e!["type"]!.GetValue<string>() == "message.posted")
            .Select(e => e!["data"]!["body"]!.GetValue<string>())
            .Order(StringComparer.Ordinal)
            .ToList();
        bodies.ShouldBe(new[] { "a", "b" }.SelectMany(s => Enumerable.Range(1, PerSender).Select(i => $"{s}-{i:000}")).ToList(), record.ToString());
    }

    /// <summary>Posts PerSender messages to the first hub; when it fails, the same request (same key and nonce) goes to the second.</summary>
    private static async Task<int> StormAsync(string prefix, ParlerCli agent, string roomId, string secondUrl, TaskCompletionSource underway)
    {
        using var first = await HubApi.SignInAsync(agent);
        using var fallback = await HubApi.SignInAsync(agent.On(secondUrl));
        var retried = 0;
        var current = first;
        for (var i = 1; i <= PerSender; i++)
        {
            if (i == KillAfter)
            {
                underway.TrySetResult();
            }

            var (key, nonce, text) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"), $"{prefix}-{i:000}");
            while (true)
            {
                try
                {
                    var posted = await current.PostMessageAsync(roomId, text, key, nonce);
                    if (posted.Status is HttpStatusCode.Created or HttpStatusCode.OK)
                    {
                        break;
                    }

                    posted.Status.ShouldBe(HttpStatusCode.ServiceUnavailable, posted.ToString());
                }
                catch (HttpRequestException)
                {
                    // The hub died under this request: whether it committed or not, the key makes the resend safe.
                }

                current.ShouldNotBe(fallback, "the second hub must not fail");
                current = fallback;
                retried++;
            }
        }

        return retried;
    }

    private static List<(long Seq, string Text)> Said(IEnumerable<string> lines) =>
        lines.Select(l => SaysLine().Match(l))
            .Where(m => m.Success)
            .Select(m => (long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value))
            .ToList();

    [GeneratedRegex(@"^#(\d+) .* says: ([ab]-\d{3})$")]
    private static partial Regex SaysLine();
}

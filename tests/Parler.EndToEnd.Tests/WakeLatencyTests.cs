using System.Globalization;
using System.Text.Json.Nodes;
using Parler.Core.Facts;
using Parler.EndToEnd.Tests.Harness;
using Xunit.Abstractions;

namespace Parler.EndToEnd.Tests;

/// <summary>
/// Latency from a handoff's commit (the fact's own <c>at</c>) to each wake path: <c>recv --watch</c> returning, the Stop
/// hook blocking, <c>parler work</c> starting the command. Medians over PARLER_BENCH_WAKE runs (set it, e.g. 20, to measure;
/// unset, each path runs twice as a check). Run with a detailed console logger to see the figures.
/// </summary>
public sealed class WakeLatencyTests(HubFixture fixture, ITestOutputHelper output) : IClassFixture<HubFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);

    private static int Runs => int.TryParse(Environment.GetEnvironmentVariable("PARLER_BENCH_WAKE"), CultureInfo.InvariantCulture, out var n) ? n : 2;

    [Fact]
    public async Task WakePaths_HandoffCommitToWake_MediansPrinted()
    {
        var team = await fixture.TeamAsync("latency");
        using var alice = await HubApi.SignInAsync(team.Alice);
        var bobId = LiveAgents.IdOf(team.Bob);

        var watch = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            await using var watcher = team.Bob.Start("recv", "--room", "latency", "--watch");
            await alice.PostMessageAsync(team.RoomId, $"ping {i}", null);
            await watcher.WaitForOutputAsync(l => l.EndsWith($"says: ping {i}", StringComparison.Ordinal), Deadline, "the watch to be live");
            var at = await HandoffAsync(alice, team.RoomId, bobId, $"watch {i}");
            (await watcher.WaitForExitAsync(Deadline)).ShouldBe(0, watcher.Transcript());
            watch.Add(Now() - at);
        }

        var hook = new List<double>();
        var marks = Path.Combine(team.Bob.Home, "wake.json");
        for (var i = 0; i < Runs; i++)
        {
            var before = File.Exists(marks) ? File.GetLastWriteTimeUtc(marks) : DateTime.MinValue;
            await using var stop = LiveAgents.Start(team.Bob, new Dictionary<string, string?> { ["PARLER_WAKE_WAIT_SECS"] = "30" }, "hook", "stop");
            await LiveAgents.PollUntilAsync(() => File.Exists(marks) && File.GetLastWriteTimeUtc(marks) != before, Deadline, () => "the hook's first pass");
            var at = await HandoffAsync(alice, team.RoomId, bobId, $"hook {i}");
            (await stop.WaitForExitAsync(Deadline)).ShouldBe(0, stop.Transcript());
            hook.Add(Now() - at);
            stop.Output.Single().ShouldContain("\"decision\":\"block\"");
        }

        var starts = fixture.ScratchPath("latency-starts.txt");
        var work = new List<double>();
        await using (var worker = team.Bob.Start("work", "--room", "latency", "--runner", $"date +%s%3N >> '{starts}'"))
        {
            for (var i = 0; i < Runs; i++)
            {
                var at = await HandoffAsync(alice, team.RoomId, bobId, $"work {i}");
                var lines = await LiveAgents.WaitForLinesAsync(starts, l => l.Length > i, Deadline, "the command to start");
                work.Add(long.Parse(lines[i], CultureInfo.InvariantCulture) - at);
            }
        }

        output.WriteLine($"handoff commit -> wake, median over {Runs} (ms): recv --watch returns {Median(watch):0.0}; Stop hook blocks {Median(hook):0.0}; parler work starts the command {Median(work):0.0}");
        output.WriteLine($"recv --watch: {string.Join(' ', watch.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))}");
        output.WriteLine($"hook stop:    {string.Join(' ', hook.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))}");
        output.WriteLine($"work:         {string.Join(' ', work.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))}");
        Median(watch).ShouldBeLessThan(10_000);
        Median(hook).ShouldBeLessThan(10_000);
        Median(work).ShouldBeLessThan(10_000);
    }

    /// <summary>Posts a signed handoff to bob and answers the commit time the hub recorded in the fact (ms since the epoch).</summary>
    private static async Task<long> HandoffAsync(HubApi api, string roomId, string bobId, string next)
    {
        var nonce = Guid.NewGuid().ToString("N");
        var posted = await api.PostAsync($"/v1/rooms/{roomId}/handoffs", new JsonObject
        {
            ["for"] = bobId, ["summary"] = "bench", ["next"] = next, ["nonce"] = nonce,
            ["signature"] = MessageSignature.Sign(api.Key!, roomId, HandoffBody.Kind, HandoffBody.Of(bobId, "bench", next, null), nonce),
        });
        posted.Status.ShouldBe(System.Net.HttpStatusCode.Created, posted.ToString());
        var seq = posted.Json["seq"]!.GetValue<long>();
        var fact = await api.GetAsync($"/v1/rooms/{roomId}/messages?after={seq - 1}&limit=1");
        return fact.Json["events"]![0]!["at"]!.GetValue<long>();
    }

    private static long Now() => TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

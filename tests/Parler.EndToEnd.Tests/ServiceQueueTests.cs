using System.Diagnostics;
using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary>The seed guide's "Run a service queue" with the built binary: workers as real `parler serve` processes.</summary>
public sealed class ServiceQueueTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Queue_TwoWorkers_NeverShareAJob_SenderSeesEachResult()
    {
        var sender = fixture.Agent("q-sender");
        var (one, two) = (fixture.Agent("q-worker-one"), fixture.Agent("q-worker-two"));
        // Leases long enough that acking one by one on a busy machine never outlives them (this test is about sharing, not expiry).
        await using var first = one.Start("serve", "review", "--lease", "600");
        // The first to serve owns the queue; it lets the second in.
        await first.WaitUntilAsync(() => first.Errors.Any(l => l.StartsWith("serving review", StringComparison.Ordinal)), Patience, "the first worker serving");
        await one.RunOkAsync("service", "allow", "review", "*");
        await using var second = two.Start("serve", "review", "--lease", "600");
        var ids = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add((await sender.RunOkAsync("send", "--service", "review", $"review PR #{i}")).Out.Trim());
        }

        await ChildProcess.WaitUntilAsync([first, second], () => JobsSeen(first).Concat(JobsSeen(second)).Distinct().Count() == ids.Count, Patience, "every job leased");
        var (byOne, byTwo) = (JobsSeen(first), JobsSeen(second));
        foreach (var id in byOne)
        {
            await one.RunOkAsync("ack", id, "--done", "LGTM from one");
        }

        foreach (var id in byTwo)
        {
            await two.RunOkAsync("ack", id, "--done", "LGTM from two");
        }

        byOne.Intersect(byTwo).ShouldBeEmpty();
        byOne.Concat(byTwo).Order(StringComparer.Ordinal).ShouldBe(ids.Order(StringComparer.Ordinal));
        foreach (var id in ids)
        {
            var status = await sender.RunOkAsync("job", id);
            status.Out.ShouldContain($"{id} done (attempts 1)");
            status.Out.ShouldContain(byOne.Contains(id) ? "result: LGTM from one" : "result: LGTM from two");
        }
    }

    [Fact]
    public async Task Queue_WorkerKilledHoldingAJob_RedeliveredToTheWaitingWorkerWhenTheLeaseEnds()
    {
        var sender = fixture.Agent("k-sender");
        var (doomed, survivor) = (fixture.Agent("k-doomed"), fixture.Agent("k-survivor"));
        await using var dying = doomed.Start("serve", "build", "--lease", "5");
        var id = (await sender.RunOkAsync("send", "--service", "build", "build main")).Out.Trim();
        await dying.WaitForOutputAsync(l => l.StartsWith(id, StringComparison.Ordinal), Patience, "the job leased by the doomed worker");
        await doomed.RunOkAsync("service", "allow", "build", "*");

        dying.Kill();
        var killedAt = Stopwatch.StartNew();
        await using var waiting = survivor.Start("serve", "build");
        var line = await waiting.WaitForOutputAsync(l => l.StartsWith(id, StringComparison.Ordinal), Patience, "the job redelivered");
        var redeliveredAfter = killedAt.Elapsed;
        await survivor.RunOkAsync("ack", id, "--done", "built");
        var status = await sender.RunOkAsync("job", id);

        line.ShouldContain("(attempts 2)");
        // The survivor's long-poll lasts 30 s; it must wake when the 5 s lease ends, not when its own wait runs out.
        redeliveredAfter.ShouldBeLessThan(TimeSpan.FromSeconds(20), line);
        status.Out.ShouldContain($"{id} done (attempts 2)");
        status.Out.ShouldContain("result: built");
    }

    private static List<string> JobsSeen(ChildProcess worker) =>
        worker.Output.Where(l => l.StartsWith("jb_", StringComparison.Ordinal)).Select(l => l.Split(' ')[0]).ToList();
}

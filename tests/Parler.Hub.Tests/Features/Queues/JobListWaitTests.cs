using System.Diagnostics;
using System.Text.Json.Nodes;
using Parler.Client;
using Parler.Hub.Tests.Actions;

namespace Parler.Hub.Tests.Features.Queues;

/// <summary>jobs.list as a long-poll: with the mark of its last answer it waits until the page differs, a lease's end included.</summary>
public sealed class JobListWaitTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ListWait_JobEnqueuedWhileWaiting_AnswersWithIt()
    {
        var (sender, worker) = (hub.NewClient("lw1-sender"), hub.NewClient("lw1-worker"));
        await worker.ServeAsync("lw1", None);
        var mark = (await ListAsync(worker, "lw1"))["mark"]!.GetValue<string>();
        var clock = Stopwatch.StartNew();

        var waiting = ListAsync(worker, "lw1", $"wait=30&mark={mark}");
        var job = (await sender.EnqueueAsync("lw1", "wake the watcher", None)).JobId;
        var page = await waiting.WaitAsync(TimeSpan.FromSeconds(20));

        page["jobs"]!.AsArray().Select(j => j!["job_id"]!.GetValue<string>()).ShouldContain(job);
        page["mark"]!.GetValue<string>().ShouldNotBe(mark);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15), "the wait should end at the enqueue, not at its 30 s deadline");
    }

    [Fact]
    public async Task ListWait_LeaseRunsOut_AnswersWithTheJobQueuedAgain()
    {
        var (sender, worker) = (hub.NewClient("lw2-sender"), hub.NewClient("lw2-worker"));
        await worker.ServeAsync("lw2", None);
        var job = (await sender.EnqueueAsync("lw2", "a short lease", None)).JobId;
        (await worker.LeaseAsync("lw2", 0, 1, None))!.JobId.ShouldBe(job);
        var leased = await ListAsync(worker, "lw2");
        leased["jobs"]![0]!["status"]!.GetValue<string>().ShouldBe("leased");
        var clock = Stopwatch.StartNew();

        var waiting = ListAsync(worker, "lw2", $"wait=30&mark={leased["mark"]!.GetValue<string>()}");
        var page = await ClockRunsUntilAsync(waiting);

        page["jobs"]![0]!["status"]!.GetValue<string>().ShouldBe("queued");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15), "the wait should end when the lease does, with no fact to wake it");
    }

    [Fact]
    public async Task ListWait_NothingChanges_AnswersTheSameMarkAtItsDeadline()
    {
        var worker = hub.NewClient("lw3-worker");
        await worker.ServeAsync("lw3", None);
        var mark = (await ListAsync(worker, "lw3"))["mark"]!.GetValue<string>();

        var waiting = ListAsync(worker, "lw3", $"wait=1&mark={mark}");
        var page = await ClockRunsUntilAsync(waiting);

        page["mark"]!.GetValue<string>().ShouldBe(mark);
    }

    /// <summary>Moves the hub's hand-moved clock a second at a time (the wait reads it) until the answer comes, within 20 s.</summary>
    private async Task<JsonObject> ClockRunsUntilAsync(Task<JsonObject> waiting)
    {
        var clock = Stopwatch.StartNew();
        while (!waiting.IsCompleted && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            hub.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromMilliseconds(100)));
        }

        return await waiting.WaitAsync(TimeSpan.FromSeconds(1));
    }

    private static Task<JsonObject> ListAsync(HubClient client, string queue, string query = "") =>
        client.CallAsync(HttpMethod.Get, $"/v1/queues/{queue}/jobs{(query.Length == 0 ? "" : "?" + query)}", null, null, None);
}

using System.Text.Json.Nodes;
using Parler.Client;
using Parler.Hub.Tests.Actions;

namespace Parler.Hub.Tests.Features.Queues;

/// <summary>jobs.list: a queue's jobs with their state, paged, newest first; a worker sees all, a sender only its own.</summary>
public sealed class QueueListTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task List_Worker_SeesEveryJobWithItsStateNewestFirst()
    {
        var (alice, bob, worker) = (hub.NewClient("ql1-alice"), hub.NewClient("ql1-bob"), hub.NewClient("ql1-worker"));
        await worker.ServeAsync("ql1", None);
        var first = (await alice.EnqueueAsync("ql1", "first", None)).JobId;
        var second = (await bob.EnqueueAsync("ql1", "second", None)).JobId;
        var third = (await alice.EnqueueAsync("ql1", "third", None)).JobId;
        (await worker.LeaseAsync("ql1", 0, 60, None))!.JobId.ShouldBe(first);
        await worker.CompleteJobAsync(first, "failed", "broke", None);
        (await worker.LeaseAsync("ql1", 0, 60, None))!.JobId.ShouldBe(second);

        var page = await ListAsync(worker, "ql1");

        page["worker"]!.GetValue<bool>().ShouldBeTrue();
        var jobs = page["jobs"]!.AsArray();
        jobs.Select(j => j!["job_id"]!.GetValue<string>()).ShouldBe([third, second, first]);
        jobs.Select(j => j!["status"]!.GetValue<string>()).ShouldBe(["queued", "leased", "failed"]);
        jobs[1]!["worker"]!.GetValue<string>().ShouldBe(worker.Identity.Id);
        jobs[1]!["lease_until"].ShouldNotBeNull();
        (jobs[2]!["result"]!.GetValue<string>(), jobs[2]!["attempts"]!.GetValue<int>()).ShouldBe(("broke", 1));
    }

    [Fact]
    public async Task List_Sender_SeesOnlyTheJobsItSent()
    {
        var (alice, bob, worker) = (hub.NewClient("ql2-alice"), hub.NewClient("ql2-bob"), hub.NewClient("ql2-worker"));
        await worker.ServeAsync("ql2", None);
        var mine = (await alice.EnqueueAsync("ql2", "mine", None)).JobId;
        await bob.EnqueueAsync("ql2", "not yours", None);

        var page = await ListAsync(alice, "ql2");
        var stranger = await ListAsync(hub.NewClient("ql2-stranger"), "ql2");

        page["worker"]!.GetValue<bool>().ShouldBeFalse();
        page["jobs"]!.AsArray().Select(j => j!["job_id"]!.GetValue<string>()).ShouldBe([mine]);
        stranger["jobs"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task List_Paged_EveryJobOnceAcrossPages()
    {
        var (sender, worker) = (hub.NewClient("ql3-sender"), hub.NewClient("ql3-worker"));
        await worker.ServeAsync("ql3", None);
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await sender.EnqueueAsync("ql3", $"job {i}", None)).JobId);
        }

        var seen = new List<string>();
        var pages = 0;
        string? before = null;
        while (true)
        {
            var page = await ListAsync(worker, "ql3", $"limit=3{(before is null ? "" : "&before=" + before)}");
            var jobs = page["jobs"]!.AsArray().Select(j => j!["job_id"]!.GetValue<string>()).ToList();
            seen.AddRange(jobs);
            pages++;
            if (!page["more"]!.GetValue<bool>())
            {
                break;
            }

            before = jobs[^1];
        }

        pages.ShouldBe(3);
        seen.ShouldBe(Enumerable.Reverse(ids));
    }

    [Fact]
    public async Task List_LimitOutOfRange_IsRefused()
    {
        var refused = await Should.ThrowAsync<HubClientException>(() => ListAsync(hub.NewClient("ql4"), "ql4", "limit=201"));

        refused.Code.ShouldBe("validation_failed");
    }

    private static Task<JsonObject> ListAsync(HubClient client, string queue, string query = "") =>
        client.CallAsync(HttpMethod.Get, $"/v1/queues/{queue}/jobs{(query.Length == 0 ? "" : "?" + query)}", null, null, None);
}

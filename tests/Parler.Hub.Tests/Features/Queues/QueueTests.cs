using Parler.Client;
using Parler.Hub.Tests.Actions;

namespace Parler.Hub.Tests.Features.Queues;

public sealed class QueueTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Lease_TwoWorkersConcurrently_EveryJobLeasedExactlyOnce()
    {
        var sender = hub.NewClient("q1-sender");
        var (a, b) = (hub.NewClient("q1-a"), hub.NewClient("q1-b"));
        await a.ServeAsync("q1", None);
        await a.SetQueueAccessAsync("q1", b.Identity.Id, true, None);
        await b.ServeAsync("q1", None);
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add((await sender.EnqueueAsync("q1", $"job {i}", None)).JobId);
        }

        async Task<List<string>> DrainAsync(HubClient worker)
        {
            var got = new List<string>();
            while (await worker.LeaseAsync("q1", 0, 300, None) is { } job)
            {
                got.Add(job.JobId);
            }

            return got;
        }

        var results = await Task.WhenAll(DrainAsync(a), DrainAsync(b));

        results.SelectMany(r => r).Order(StringComparer.Ordinal).ShouldBe(ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Lease_Expired_RedeliveredToOtherWorkerWithAttemptsTwo()
    {
        var sender = hub.NewClient("q2-sender");
        var (a, b) = (hub.NewClient("q2-a"), hub.NewClient("q2-b"));
        await a.ServeAsync("q2", None);
        await a.SetQueueAccessAsync("q2", b.Identity.Id, true, None);
        await b.ServeAsync("q2", None);
        var id = (await sender.EnqueueAsync("q2", "review PR #42", None)).JobId;
        (await a.LeaseAsync("q2", 0, 10, None))!.JobId.ShouldBe(id);
        (await b.LeaseAsync("q2", 0, null, None)).ShouldBeNull();

        hub.Time.Advance(TimeSpan.FromSeconds(11));
        var again = await b.LeaseAsync("q2", 0, null, None);

        again!.JobId.ShouldBe(id);
        again.Attempts.ShouldBe(2);
        again.Worker.ShouldBe(b.Identity.Id);
        var late = await Should.ThrowAsync<HubClientException>(() => a.CompleteJobAsync(id, "done", "late", None));
        late.Code.ShouldBe("forbidden");
    }

    [Fact]
    public async Task Complete_ByHolder_SenderSeesStatusAndResult()
    {
        var sender = hub.NewClient("q3-sender");
        var (a, b) = (hub.NewClient("q3-a"), hub.NewClient("q3-b"));
        await a.ServeAsync("q3", None);
        await a.SetQueueAccessAsync("q3", b.Identity.Id, true, None);
        await b.ServeAsync("q3", None);
        var id = (await sender.EnqueueAsync("q3", "review PR #42", None)).JobId;
        (await sender.GetJobAsync(id, None)).Status.ShouldBe("queued");
        await a.LeaseAsync("q3", 0, null, None);

        var refused = await Should.ThrowAsync<HubClientException>(() => b.CompleteJobAsync(id, "done", "not mine", None));
        await a.CompleteJobAsync(id, "done", "LGTM", None);

        refused.Code.ShouldBe("forbidden");
        var seen = await sender.GetJobAsync(id, None);
        (seen.Status, seen.Result, seen.Worker, seen.Attempts).ShouldBe(("done", "LGTM", a.Identity.Id, 1));
        (await b.LeaseAsync("q3", 0, null, None)).ShouldBeNull();
    }

    [Fact]
    public async Task Lease_NonWorker_IsForbiddenAndStrangerCannotReadJob()
    {
        var sender = hub.NewClient("q4-sender");
        var id = (await sender.EnqueueAsync("q4", "review PR #42", None)).JobId;
        var stranger = hub.NewClient("q4-stranger");

        var lease = await Should.ThrowAsync<HubClientException>(() => stranger.LeaseAsync("q4", 0, null, None));
        var read = await Should.ThrowAsync<HubClientException>(() => stranger.GetJobAsync(id, None));

        lease.Code.ShouldBe("forbidden");
        read.Code.ShouldBe("not_found");
    }

    [Fact]
    public async Task Lease_Waiting_WokenByEnqueue()
    {
        var sender = hub.NewClient("q5-sender");
        var worker = hub.NewClient("q5-worker");
        await worker.ServeAsync("q5", None);
        await worker.SignInAsync(None);

        var waiting = worker.LeaseAsync("q5", 30, null, None);
        var id = (await sender.EnqueueAsync("q5", "wake up", None)).JobId;

        (await waiting)!.JobId.ShouldBe(id);
    }

    [Fact]
    public async Task Get_AfterTheLeaseEnds_ShowsTheJobQueuedAgain()
    {
        var sender = hub.NewClient("q6-sender");
        var worker = hub.NewClient("q6-worker");
        await worker.ServeAsync("q6", None);
        var id = (await sender.EnqueueAsync("q6", "review PR #43", None)).JobId;
        await worker.LeaseAsync("q6", 0, 10, None);
        var leased = await sender.GetJobAsync(id, None);

        hub.Time.Advance(TimeSpan.FromSeconds(11));
        var lapsed = await sender.GetJobAsync(id, None);

        (leased.Status, leased.Worker).ShouldBe(("leased", worker.Identity.Id));
        (lapsed.Status, lapsed.Worker, lapsed.LeaseUntil, lapsed.Attempts).ShouldBe(("queued", null, null, 1));
    }

    [Fact]
    public async Task Serve_QueueAnotherAgentOwns_ForbiddenUntilTheOwnerAllowsIt()
    {
        var (owner, stranger) = (hub.NewClient("qa-owner"), hub.NewClient("qa-stranger"));
        await owner.ServeAsync("qa", None);

        (await Should.ThrowAsync<HubClientException>(() => stranger.ServeAsync("qa", None))).Code.ShouldBe("forbidden");
        (await Should.ThrowAsync<HubClientException>(() => stranger.LeaseAsync("qa", 0, null, None))).Code.ShouldBe("forbidden");
        (await Should.ThrowAsync<HubClientException>(() => stranger.SetQueueAccessAsync("qa", stranger.Identity.Id, true, None))).Code.ShouldBe("forbidden");

        var view = await owner.SetQueueAccessAsync("qa", stranger.Identity.Id, true, None);
        await stranger.ServeAsync("qa", None);

        view.Owner.ShouldBe(owner.Identity.Id);
        view.Allowed.ShouldBe([stranger.Identity.Id]);
        (await stranger.LeaseAsync("qa", 0, null, None)).ShouldBeNull();
    }

    [Fact]
    public async Task Serve_OwnerOpensTheQueueToAnyone_AnyAgentServesAndClosingStopsThem()
    {
        var (owner, sender) = (hub.NewClient("qo-owner"), hub.NewClient("qo-sender"));
        var (one, two) = (hub.NewClient("qo-one"), hub.NewClient("qo-two"));
        await owner.ServeAsync("qo", None);
        await owner.SetQueueAccessAsync("qo", "*", true, None);
        await one.ServeAsync("qo", None);
        await two.ServeAsync("qo", None);
        await owner.SetQueueAccessAsync("qo", two.Identity.Id, true, None);

        await owner.SetQueueAccessAsync("qo", "*", false, None);
        var id = (await sender.EnqueueAsync("qo", "after closing", None)).JobId;

        (await Should.ThrowAsync<HubClientException>(() => one.LeaseAsync("qo", 0, null, None))).Code.ShouldBe("forbidden");
        (await Should.ThrowAsync<HubClientException>(() => one.ServeAsync("qo", None))).Code.ShouldBe("forbidden");
        (await two.LeaseAsync("qo", 0, null, None))!.JobId.ShouldBe(id);
    }

    [Fact]
    public async Task Deny_AllowedWorker_StopsLeasingAndReadingTheQueuesJobsAtOnce()
    {
        var (owner, sender, worker) = (hub.NewClient("qd-owner"), hub.NewClient("qd-sender"), hub.NewClient("qd-worker"));
        await owner.ServeAsync("qd", None);
        await owner.SetQueueAccessAsync("qd", worker.Identity.Id, true, None);
        await worker.ServeAsync("qd", None);
        var id = (await sender.EnqueueAsync("qd", "secret job", None)).JobId;
        (await worker.GetJobAsync(id, None)).JobId.ShouldBe(id);

        var view = await owner.SetQueueAccessAsync("qd", worker.Identity.Id, false, None);

        view.Allowed.ShouldBeEmpty();
        (await Should.ThrowAsync<HubClientException>(() => worker.LeaseAsync("qd", 0, null, None))).Code.ShouldBe("forbidden");
        (await Should.ThrowAsync<HubClientException>(() => worker.GetJobAsync(id, None))).Code.ShouldBe("not_found");
        (await owner.LeaseAsync("qd", 0, null, None))!.JobId.ShouldBe(id);
    }

    [Fact]
    public async Task Access_QueueNobodyServes_NotFoundAndTheOwnerCannotDenyItself()
    {
        var owner = hub.NewClient("qn-owner");

        (await Should.ThrowAsync<HubClientException>(() => owner.SetQueueAccessAsync("qn", "*", true, None))).Code.ShouldBe("not_found");
        await owner.ServeAsync("qn", None);
        (await Should.ThrowAsync<HubClientException>(() => owner.SetQueueAccessAsync("qn", owner.Identity.Id, false, None))).Code.ShouldBe("validation_failed");
        (await Should.ThrowAsync<HubClientException>(() => owner.SetQueueAccessAsync("qn", "bob", true, None))).Code.ShouldBe("validation_failed");
    }
}

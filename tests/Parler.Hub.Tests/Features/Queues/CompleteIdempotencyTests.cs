using Parler.Client;
using Parler.Hub.Tests.Actions;

namespace Parler.Hub.Tests.Features.Queues;

/// <summary>jobs.complete checks its fields before the writer, yet a reused Idempotency-Key still answers first.</summary>
public sealed class CompleteIdempotencyTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<(HubClient Worker, string JobId)> LeasedJobAsync(string queue)
    {
        var (sender, worker) = (hub.NewClient(queue + "-sender"), hub.NewClient(queue + "-worker"));
        await worker.ServeAsync(queue, None);
        var id = (await sender.EnqueueAsync(queue, "review PR #42", None)).JobId;
        (await worker.LeaseAsync(queue, 0, 300, None))!.JobId.ShouldBe(id);
        return (worker, id);
    }

    [Fact]
    public async Task Complete_KeyUsedForAnotherRequestAndAnInvalidStatus_AnswersIdempotencyConflict()
    {
        var (worker, id) = await LeasedJobAsync("qik");
        await worker.CompleteJobAsync(id, "done", "merged", None, "complete-key-1");

        var reused = await Should.ThrowAsync<HubClientException>(() => worker.CompleteJobAsync(id, "finished", "merged", None, "complete-key-1"));

        reused.Code.ShouldBe("idempotency_conflict");
    }

    [Fact]
    public async Task Complete_FreshKeyAndAnInvalidStatus_AnswersValidationFailed()
    {
        var (worker, id) = await LeasedJobAsync("qiv");

        var refused = await Should.ThrowAsync<HubClientException>(() => worker.CompleteJobAsync(id, "finished", null, None, "complete-key-2"));

        refused.Code.ShouldBe("validation_failed");
        (await worker.CompleteJobAsync(id, "done", null, None, "complete-key-2")).Status.ShouldBe("done");
    }

    [Fact]
    public async Task Complete_RetriedWithTheSameKey_ReplaysTheFirstAnswer()
    {
        var (worker, id) = await LeasedJobAsync("qir");
        await worker.CompleteJobAsync(id, "done", "merged", None, "complete-key-3");

        (await worker.CompleteJobAsync(id, "done", "merged", None, "complete-key-3")).Status.ShouldBe("done");
    }
}

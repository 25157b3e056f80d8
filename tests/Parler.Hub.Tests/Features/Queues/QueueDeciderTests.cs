using Parler.Hub.Errors;
using Parler.Hub.Features.Queues;
using Parler.Hub.Storage;

namespace Parler.Hub.Tests.Features.Queues;

public sealed class QueueDeciderTests
{
    private const string Queue = "review";
    private const string Sender = "pa_sender0000000";
    private const string Worker = "pa_worker0000000";
    private const string Other = "pa_other00000000";

    private readonly FakeTime _time = new();

    private static JobRecord Queued() => new("jb_1", Queue, "review PR #42", Sender, "queued", null, null, null, 0);

    private JobRecord LeasedTo(string worker, TimeSpan left) =>
        Queued() with { Status = "leased", Worker = worker, LeaseUntil = (_time.GetUtcNow() + left).ToUnixTimeMilliseconds(), Attempts = 1 };

    [Fact]
    public void Serve_FirstAgentOfTheQueue_Registered()
    {
        QueueDecider.Serve(new ServeState(false, null, []), new ServeQueue(Queue, Worker)).Fact.ShouldBe(new WorkerRegistered(Queue, Worker));
    }

    [Fact]
    public void Serve_AgentTheOwnerDidNotAllow_RefusedAsForbidden()
    {
        var refusal = QueueDecider.Serve(new ServeState(false, Sender, [Other]), new ServeQueue(Queue, Worker)).Refusal!;

        refusal.Error.ShouldBe(ErrorCodes.Forbidden);
        refusal.Detail.ShouldContain($"parler service allow {Queue} {Worker}");
    }

    [Fact]
    public void Serve_QueueOpenToAnyone_Registered()
    {
        QueueDecider.Serve(new ServeState(false, Sender, [QueueAccess.Anyone]), new ServeQueue(Queue, Worker)).Fact.ShouldNotBeNull();
    }

    [Fact]
    public void Serve_AgentAlreadyServing_AppendsNothing()
    {
        var decision = QueueDecider.Serve(new ServeState(true, Sender, []), new ServeQueue(Queue, Worker));

        decision.Fact.ShouldBeNull();
        decision.Refusal.ShouldBeNull();
    }

    [Fact]
    public void CheckWorker_AgentThatDoesNotServe_RefusedAsForbidden()
    {
        QueueDecider.CheckWorker(false, Queue)!.Error.ShouldBe(ErrorCodes.Forbidden);
        QueueDecider.CheckWorker(true, Queue).ShouldBeNull();
    }

    [Fact]
    public void Lease_QueuedJob_LeasedUntilNowPlusTheLease()
    {
        var decision = QueueDecider.Lease(Queued(), new LeaseJob(Queue, Worker, 30), _time.GetUtcNow());

        decision.Fact.ShouldBe(new JobLeased("jb_1", Worker, _time.GetUtcNow().AddSeconds(30).ToUnixTimeMilliseconds()));
    }

    [Fact]
    public void Lease_LeaseThatEnded_LeasedAgainToTheNextWorker()
    {
        var job = LeasedTo(Other, TimeSpan.FromSeconds(5));
        _time.Advance(TimeSpan.FromSeconds(6));

        QueueDecider.Lease(job, new LeaseJob(Queue, Worker, 10), _time.GetUtcNow()).Fact!.Worker.ShouldBe(Worker);
    }

    [Fact]
    public void Lease_LeaseStillLive_AppendsNothing()
    {
        QueueDecider.Lease(LeasedTo(Other, TimeSpan.FromSeconds(5)), new LeaseJob(Queue, Worker, 10), _time.GetUtcNow()).Fact.ShouldBeNull();
    }

    [Fact]
    public void Lease_NoJob_AppendsNothing()
    {
        var decision = QueueDecider.Lease(null, new LeaseJob(Queue, Worker, 10), _time.GetUtcNow());

        decision.Fact.ShouldBeNull();
        decision.Refusal.ShouldBeNull();
    }

    [Fact]
    public void Complete_WorkerWithALiveLease_Completed()
    {
        var decision = QueueDecider.Complete(
            new CompleteState(LeasedTo(Worker, TimeSpan.FromSeconds(5)), CallerServes: true),
            new CompleteJob("jb_1", Worker, "done", "merged"),
            _time.GetUtcNow());

        decision.Fact.ShouldBe(new JobCompleted("jb_1", "done", Worker, "merged"));
    }

    [Fact]
    public void Complete_LeaseThatEnded_RefusedAsForbidden()
    {
        var job = LeasedTo(Worker, TimeSpan.FromSeconds(5));
        _time.Advance(TimeSpan.FromSeconds(6));

        QueueDecider.Complete(new CompleteState(job, CallerServes: true), new CompleteJob("jb_1", Worker, "done", ""), _time.GetUtcNow())
            .Refusal!.Error.ShouldBe(ErrorCodes.Forbidden);
    }

    [Fact]
    public void Complete_AgentThatNeitherSentNorServes_RefusedAsNotFound()
    {
        QueueDecider.Complete(new CompleteState(Queued(), CallerServes: false), new CompleteJob("jb_1", Other, "done", ""), _time.GetUtcNow())
            .Refusal!.Error.ShouldBe(ErrorCodes.NotFound);
    }

    [Fact]
    public void Complete_SenderWithoutTheLease_RefusedAsForbidden()
    {
        QueueDecider.Complete(new CompleteState(Queued(), CallerServes: false), new CompleteJob("jb_1", Sender, "done", ""), _time.GetUtcNow())
            .Refusal!.Error.ShouldBe(ErrorCodes.Forbidden);
    }
}

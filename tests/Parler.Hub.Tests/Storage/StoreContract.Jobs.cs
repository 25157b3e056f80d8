using Parler.Hub.Storage;

namespace Parler.Hub.Tests.Storage;

/// <summary>The jobs, workers and room-blob projections, on every store.</summary>
public abstract partial class StoreContract
{
    private const string Queue = "q_build";

    [Fact]
    public async Task QueueAccess_FirstWorkerOwnsAllowAndDenyFollowTheFacts()
    {
        await AppendAsync(Queue, FactDraft.Of(new WorkerRegistered("build", Bob), Bob, Bob, "tok"));
        await AppendAsync(Queue, FactDraft.Of(new QueueAccessChanged("build", Alice, true), Bob, Bob, "tok"));
        await AppendAsync(Queue, FactDraft.Of(new QueueAccessChanged("build", "*", true), Bob, Bob, "tok"));
        await AppendAsync(Queue, FactDraft.Of(new WorkerRegistered("build", Alice), Alice, Alice, "tok"));
        await AppendAsync(Queue, FactDraft.Of(new WorkerRegistered("build", "pa_carol"), "pa_carol", "pa_carol", "tok"));

        var access = await Store.WriteAsync((w, ct) => w.GetQueueAccessAsync("build", ct), CancellationToken.None);
        access.Owner.ShouldBe(Bob);
        access.Allowed.ShouldBe(["*", Alice], ignoreOrder: true);

        await AppendAsync(Queue, FactDraft.Of(new QueueAccessChanged("build", "*", false), Bob, Bob, "tok"));

        (await Store.IsWorkerAsync("build", "pa_carol", CancellationToken.None)).ShouldBeFalse("no longer allowed once the queue closed");
        (await Store.IsWorkerAsync("build", Alice, CancellationToken.None)).ShouldBeTrue();
        (await Store.IsWorkerAsync("build", Bob, CancellationToken.None)).ShouldBeTrue();
        await AppendAsync(Queue, FactDraft.Of(new QueueAccessChanged("build", Alice, false), Bob, Bob, "tok"));
        (await Store.IsWorkerAsync("build", Alice, CancellationToken.None)).ShouldBeFalse();
        (await Store.WriteAsync((w, ct) => w.GetQueueAccessAsync("build", ct), CancellationToken.None)).Allowed.ShouldBeEmpty();
    }

    [Fact]
    public async Task Jobs_EnqueuedLeasedCompleted_ProjectionFollowsEachFact()
    {
        var now = Time.GetUtcNow().ToUnixTimeMilliseconds();
        await AppendAsync(Queue, FactDraft.Of(new WorkerRegistered("build", Bob), Bob, Bob, "tok"));
        await AppendAsync(Queue, FactDraft.Of(new JobEnqueued("jb_1", "build", "compile", Alice), Alice, Alice, "tok"));

        (await Store.IsWorkerAsync("build", Bob, CancellationToken.None)).ShouldBeTrue();
        (await Store.IsWorkerAsync("build", Alice, CancellationToken.None)).ShouldBeFalse();
        (await Store.GetJobAsync("jb_1", CancellationToken.None)).ShouldBe(new JobRecord("jb_1", "build", "compile", Alice, "queued", null, null, null, 0));
        (await LeasableAsync(now))!.JobId.ShouldBe("jb_1");

        await AppendAsync(Queue, FactDraft.Of(new JobLeased("jb_1", Bob, now + 30_000), Bob, Bob, "tok"));

        (await Store.GetJobAsync("jb_1", CancellationToken.None)).ShouldBe(new JobRecord("jb_1", "build", "compile", Alice, "leased", Bob, now + 30_000, null, 1));
        (await LeasableAsync(now)).ShouldBeNull();
        (await Store.WriteAsync((w, ct) => w.NextLeaseEndAsync("build", ct), CancellationToken.None)).ShouldBe(now + 30_000);
        (await LeasableAsync(now + 30_001))!.JobId.ShouldBe("jb_1");

        await AppendAsync(Queue, FactDraft.Of(new JobCompleted("jb_1", "done", Bob, "ok"), Bob, Bob, "tok"));

        (await Store.GetJobAsync("jb_1", CancellationToken.None)).ShouldBe(new JobRecord("jb_1", "build", "compile", Alice, "done", Bob, null, "ok", 1));
        (await LeasableAsync(now + 60_000)).ShouldBeNull();
        (await Store.WriteAsync((w, ct) => w.NextLeaseEndAsync("build", ct), CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Jobs_TwoQueued_TheOldestIsLeasedFirst()
    {
        await AppendAsync(Queue, FactDraft.Of(new JobEnqueued("jb_old", "build", "first", Alice), Alice, Alice, "tok"));
        await AppendAsync(Queue, FactDraft.Of(new JobEnqueued("jb_new", "build", "second", Alice), Alice, Alice, "tok"));

        (await LeasableAsync(Time.GetUtcNow().ToUnixTimeMilliseconds()))!.JobId.ShouldBe("jb_old");
        (await Store.GetJobAsync("jb_missing", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task RoomBlobs_FileSharedIntoARoom_OnlyItsActiveMembersFindIt()
    {
        var hash = new string('a', 64);
        await CreateRoomAsync("rm_a");
        await CreateRoomAsync("rm_b");
        var posted = await AppendAsync("rm_a", FactDraft.Of(new FilePosted("notes.txt", "text/plain", 5, hash, "nonce-123"), Alice, Alice, "tok"));

        (await Store.FindBlobPostingAsync(Alice, hash, null, CancellationToken.None)).ShouldBe(("rm_a", posted.Seq));
        (await Store.FindBlobPostingAsync(Alice, hash, "rm_b", CancellationToken.None)).ShouldBeNull();
        (await Store.FindBlobPostingAsync(Bob, hash, null, CancellationToken.None)).ShouldBeNull();
        (await Store.FindBlobPostingAsync(Alice, new string('b', 64), null, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task FindIds_JobsAndTokens_OnlyThoseTheAgentMayName()
    {
        await AppendAsync(Queue, FactDraft.Of(new WorkerRegistered("build", Bob), Bob, Bob, "tok"));
        await AppendAsync(Queue, FactDraft.Of(new JobEnqueued("jb_ab01", "build", "mine", Alice), Alice, Alice, "tok"));
        await AppendAsync("q_other", FactDraft.Of(new JobEnqueued("jb_ab02", "other", "not bob's queue", Alice), Alice, Alice, "tok"));
        await AppendAsync("q_other", FactDraft.Of(new JobEnqueued("jb_cd03", "other", "bob's own", Bob), Bob, Bob, "tok"));
        await AppendAsync(Alice, FactDraft.Of(new TokenIssued("tok_ab1", "h1", "c1", FarFuture), Alice, Alice, "signature"));
        await AppendAsync(Alice, FactDraft.Of(new TokenIssued("tok_ab2", "h2", "c2", FarFuture), Alice, Alice, "signature"));
        await AppendAsync(Alice, FactDraft.Of(new TokenRevoked("tok_ab2"), Alice, Alice, "tok_ab1"));
        await AppendAsync(Bob, FactDraft.Of(new TokenIssued("tok_ab3", "h3", "c3", FarFuture), Bob, Bob, "signature"));

        async Task<IReadOnlyList<string>> Find(IdSpace space, string prefix, string agent) =>
            await Store.FindIdsAsync(space, prefix, agent, CancellationToken.None);

        (await Find(IdSpace.Job, "jb_ab", Alice)).ShouldBe(["jb_ab01", "jb_ab02"]);
        (await Find(IdSpace.Job, "jb_", Bob)).ShouldBe(["jb_ab01", "jb_cd03"]);
        (await Find(IdSpace.Job, "jb_ab_", Alice)).ShouldBeEmpty();
        (await Find(IdSpace.Job, "jb_%", Alice)).ShouldBeEmpty();
        (await Find(IdSpace.Token, "tok_ab", Alice)).ShouldBe(["tok_ab1"]);
        (await Find(IdSpace.Token, "tok_ab", Bob)).ShouldBe(["tok_ab3"]);
    }

    private Task<StoredFact> AppendAsync(string stream, FactDraft draft) =>
        Store.WriteAsync((w, ct) => w.AppendAsync(stream, draft, ct), CancellationToken.None);

    private Task<JobRecord?> LeasableAsync(long now) =>
        Store.WriteAsync((w, ct) => w.FindLeasableJobAsync("build", now, ct), CancellationToken.None);
}

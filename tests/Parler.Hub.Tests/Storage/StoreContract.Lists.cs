using Parler.Hub.Storage;

namespace Parler.Hub.Tests.Storage;

/// <summary>The console's lists, on every store: a queue's jobs and a room's shared files, newest first, paged.</summary>
public abstract partial class StoreContract
{
    [Fact]
    public async Task ListJobs_SenderFilterAndCursor_NewestFirst()
    {
        foreach (var (id, sender) in new[] { ("jb_l1", Alice), ("jb_l2", Bob), ("jb_l3", Alice), ("jb_l4", Alice) })
        {
            await Store.WriteAsync((w, ct) => w.AppendAsync("q_list", FactDraft.Of(new JobEnqueued(id, "list", "work", sender), sender, sender, "tok"), ct), CancellationToken.None);
        }

        await Store.WriteAsync((w, ct) => w.AppendAsync("q_other", FactDraft.Of(new JobEnqueued("jb_o1", "other", "work", Alice), Alice, Alice, "tok"), ct), CancellationToken.None);

        (await Ids(null, null, 10)).ShouldBe(["jb_l4", "jb_l3", "jb_l2", "jb_l1"]);
        (await Ids(Alice, null, 10)).ShouldBe(["jb_l4", "jb_l3", "jb_l1"]);
        (await Ids(null, "jb_l3", 10)).ShouldBe(["jb_l2", "jb_l1"]);
        (await Ids(Alice, "jb_l4", 1)).ShouldBe(["jb_l3"]);

        async Task<IEnumerable<string>> Ids(string? sender, string? before, int limit) =>
            (await Store.ListJobsAsync("list", sender, before, limit, CancellationToken.None)).Select(j => j.JobId);
    }

    [Fact]
    public async Task ListRoomFiles_FilesAndBundlesOnly_NewestFirstBelowTheCursor()
    {
        await CreateRoomAsync("rm_files");
        var file = await Store.WriteAsync(
            (w, ct) => w.AppendAsync("rm_files", FactDraft.Of(new FilePosted("a.txt", "text/plain", 5, new string('a', 64), "nonce-1"), Alice, Alice, "tok"), ct),
            CancellationToken.None);
        await Store.WriteAsync((w, ct) => w.AppendAsync("rm_files", Message(Alice, "between"), ct), CancellationToken.None);
        var bundle = await Store.WriteAsync(
            (w, ct) => w.AppendAsync("rm_files", FactDraft.Of(new BundlePosted("main", new string('1', 40), 7, new string('b', 64), "nonce-2"), Bob, Bob, "tok"), ct),
            CancellationToken.None);

        var all = await Store.ListRoomFilesAsync("rm_files", long.MaxValue, 10, CancellationToken.None);
        var older = await Store.ListRoomFilesAsync("rm_files", bundle.Seq, 10, CancellationToken.None);

        all.Select(f => (f.Seq, f.Type, f.Hash)).ShouldBe([(bundle.Seq, "bundle.posted", bundle.Hash), (file.Seq, "file.posted", file.Hash)]);
        older.Select(f => f.Seq).ShouldBe([file.Seq]);
        (await Store.ListRoomFilesAsync("rm_files", long.MaxValue, 1, CancellationToken.None)).Single().Seq.ShouldBe(bundle.Seq);
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Parler.Hub.Errors;
using Parler.Hub.Features.Rooms;
using Parler.Hub.Storage;
using Parler.Hub.Storage.Sqlite;

namespace Parler.Hub.Tests.Storage;

public sealed class SqliteStoreTests : StoreContract
{
    private string DatabasePath => Path.Combine(Folder, "hub.db");

    private protected override IHubStore Create() => new SqliteHubStore(DatabasePath, Time, NullLogger<SqliteHubStore>.Instance);

    [Theory]
    [InlineData("UPDATE facts SET data = '{}' WHERE seq = 1")]
    [InlineData("DELETE FROM facts WHERE seq = 1")]
    public async Task Facts_UpdateOrDeleteBehindTheHub_IsRefused(string sql)
    {
        await CreateRoomAsync("rm_a");
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;

        var error = await Should.ThrowAsync<SqliteException>(() => command.ExecuteNonQueryAsync());

        error.Message.ShouldContain("append-only");
    }

    [Fact]
    public async Task Batch_DiskFullMidBatch_EveryWriteAnsweredStorageFullNothingKeptAndTheWriterGoesOn()
    {
        await CreateRoomAsync("rm_a");
        (await Store.GetRoomAsync("rm_a", CancellationToken.None))!.Head.ShouldBe(2);
        var (release, holder) = await HoldWriterAsync();
        var joined = Store.WriteAsync((w, ct) => w.AppendAsync("rm_a", Joined(Bob, Roles.Member), ct), CancellationToken.None);
        var full = Store.WriteAsync<StoredFact>(
            async (w, ct) =>
            {
                await w.AppendAsync("rm_a", Message(Alice, "fills the disk"), ct);
                throw new SqliteException("database or disk is full", 13);
            },
            CancellationToken.None);
        var queuedBehind = Store.WriteAsync((w, ct) => w.AppendAsync("rm_a", Message(Alice, "behind"), ct), CancellationToken.None);
        release.SetResult();
        await holder;

        foreach (var write in new[] { joined, full, queuedBehind })
        {
            var refused = await Should.ThrowAsync<HubException>(() => write.WaitAsync(TimeSpan.FromSeconds(30)));
            refused.Error.ShouldBe(ErrorCodes.StorageFull);
        }

        Store.Health.Current!.Error.ShouldBe(ErrorCodes.StorageFull);
        (await Store.GetRoomAsync("rm_a", CancellationToken.None))!.State.ActiveMember(Bob).ShouldBeNull();

        // The same version (3) now holds another join: a state cached from the failed batch would show Bob.
        var carol = await Store.WriteAsync((w, ct) => w.AppendAsync("rm_a", Joined("pa_carol", Roles.Member), ct), CancellationToken.None);
        carol.Seq.ShouldBe(3);
        Store.Health.Current.ShouldBeNull();
        var room = (await Store.GetRoomAsync("rm_a", CancellationToken.None))!;
        room.State.ActiveMember(Bob).ShouldBeNull();
        room.State.ActiveMember("pa_carol").ShouldNotBeNull();
        (await Store.ReadStreamAsync("rm_a", 0, 10, CancellationToken.None)).Select(f => f.Type)
            .ShouldBe([FactTypes.RoomCreated, FactTypes.MemberJoined, FactTypes.MemberJoined]);
    }

    [Fact]
    public async Task Mark_AfterEachCommit_FollowsWithoutWaitingForAClockTick()
    {
        await CreateRoomAsync("rm_a");
        for (var round = 1; round <= 5; round++)
        {
            await Store.WriteAsync((w, ct) => w.AppendAsync("rm_a", Message(Alice, $"m{round}"), ct), CancellationToken.None);
            // The store's clock stands still, so a mark kept on a timer (the old, second-behind mark) never follows at all;
            // only a mark written after each commit does. The deadline is for a slow machine, not a speed figure.
            await WaitForMarkAsync(2 + round);
        }
    }

    [Fact]
    public async Task Mark_WhileTheHubRuns_OverwrittenInPlaceAtOneLength()
    {
        await CreateRoomAsync("rm_a");
        var path = Parler.Hub.Storage.Checks.RecordMark.PathFor(DatabasePath);
        await WaitForMarkAsync(2);
        // Opened before the next commits: a mark replaced by a new file (rename) leaves this handle on the old one.
        using var held = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        await Store.WriteAsync((w, ct) => w.AppendAsync("rm_a", Message(Alice, "m1"), ct), CancellationToken.None);
        await WaitForMarkAsync(3);

        var bytes = new byte[held.Length];
        held.Position = 0;
        held.ReadExactly(bytes);
        bytes.Length.ShouldBe(Parler.Hub.Storage.Checks.RecordMark.Size);
        System.Text.Json.Nodes.JsonNode.Parse(bytes)!["facts"]!.GetValue<long>().ShouldBe(3);
    }

    private async Task WaitForMarkAsync(long expected)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (Parler.Hub.Storage.Checks.RecordMark.Read(DatabasePath)?.Facts != expected)
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), $"the mark at {expected} facts");
            await Task.Delay(2);
        }
    }

    [Fact]
    public async Task BlobCollector_UnsharedPastTheGrace_CollectedSharedOrFreshKept()
    {
        await CreateRoomAsync("rm_a");
        var blobs = new Parler.Hub.Blobs.FileBlobStore(Path.Combine(Folder, "blobs"));
        async Task<string> StoreAsync(string text, TimeSpan age, bool shared)
        {
            using var bytes = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
            var blob = await blobs.SaveAsync(bytes, 1024, CancellationToken.None);
            await Store.WriteAsync((w, ct) => w.AppendAsync(Alice, FactDraft.Of(new BlobUploaded(blob.Hash, blob.Size, "rm_a"), Alice, Alice, "tok"), ct), CancellationToken.None);
            if (shared)
            {
                await Store.WriteAsync(
                    (w, ct) => w.AppendAsync("rm_a", FactDraft.Of(new FilePosted("a.txt", "text/plain", blob.Size, blob.Hash, "n-" + text), Alice, Alice, "tok"), ct),
                    CancellationToken.None);
            }

            File.SetLastWriteTimeUtc(blobs.PathOf(blob.Hash), (Time.GetUtcNow() - age).UtcDateTime);
            return blob.Hash;
        }

        var shared = await StoreAsync("shared long ago", TimeSpan.FromDays(3), shared: true);
        var abandoned = await StoreAsync("never shared", TimeSpan.FromDays(3), shared: false);
        var fresh = await StoreAsync("uploaded an hour ago", TimeSpan.FromHours(1), shared: false);

        var collected = await Parler.Hub.Blobs.BlobCollector.CollectOnceAsync(Store, blobs, Time, CancellationToken.None);

        collected.ShouldBe(1);
        (await blobs.SizeOfAsync(abandoned, CancellationToken.None)).ShouldBeNull();
        (await blobs.SizeOfAsync(shared, CancellationToken.None)).ShouldNotBeNull();
        (await blobs.SizeOfAsync(fresh, CancellationToken.None)).ShouldNotBeNull();
        (await Parler.Hub.Blobs.BlobCollector.CollectOnceAsync(Store, blobs, Time, CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task Reopen_AfterDispose_KeepsFactsAndHubId()
    {
        await CreateRoomAsync("rm_a");
        var hubId = (await Store.GetMetaAsync(CancellationToken.None)).HubId;
        await Store.DisposeAsync();

        await using var reopened = Create();
        await reopened.InitializeAsync(CancellationToken.None);

        (await reopened.GetMetaAsync(CancellationToken.None)).HubId.ShouldBe(hubId);
        (await reopened.ReadStreamAsync("rm_a", 0, 10, CancellationToken.None)).Count.ShouldBe(2);
        await InitializeAsync();
    }

    [Fact]
    public async Task Open_RecordWithTheFirstSearchIndex_RebuildsItFromTheMemories()
    {
        await CreateRoomAsync("rm_a");
        await RememberAsync("rm_a", Alice, "deploy strategy is blue-green");
        await Store.DisposeAsync();
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            // A record with the first index predates versioned migrations, so it has no schema_migrations either.
            command.CommandText = """
                DROP TABLE schema_migrations;
                DROP TABLE memory_words;
                DROP TABLE memory_scopes;
                CREATE VIRTUAL TABLE memories_fts USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
                INSERT INTO memories_fts (rowid, text) SELECT id, text FROM memories;
                """;
            await command.ExecuteNonQueryAsync();
        }

        await using var reopened = Create();
        await reopened.InitializeAsync(CancellationToken.None);

        (await reopened.RecallAsync("rm_a", "deploy", 10, CancellationToken.None)).Single().Memory.Text.ShouldBe("deploy strategy is blue-green");
        await InitializeAsync();
    }
}

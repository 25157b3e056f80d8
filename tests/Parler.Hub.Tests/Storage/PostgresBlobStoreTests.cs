using System.Security.Cryptography;
using Npgsql;
using Parler.Hub.Errors;
using Parler.Hub.Storage.Postgres;
using Parler.Tests.Shared;

namespace Parler.Hub.Tests.Storage;

/// <summary>Blobs in the PostgreSQL record: chunked both ways, shared by every store on the database, nothing left of a failed upload.</summary>
[Trait("Category", "Postgres")]
public sealed class PostgresBlobStoreTests : IAsyncLifetime
{
    private const long Limit = 8L << 20;
    private string _url = "";

    private string ConnectionString => TestPostgres.ConnectionString(_url);

    public async Task InitializeAsync()
    {
        _url = await TestPostgres.CreateDatabaseAsync();
        await PostgresMigrations.ApplyAsync(ConnectionString, CancellationToken.None);
    }

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(_url);

    [Fact]
    public async Task SaveThenRead_SeveralChunksOnAnotherStore_SameBytesHashAndSize()
    {
        var bytes = RandomNumberGenerator.GetBytes(PostgresBlobStore.ChunkBytes * 2 + 12345);
        await using var writer = new PostgresBlobStore(ConnectionString);
        await using var reader = new PostgresBlobStore(ConnectionString);

        var saved = await writer.SaveAsync(new MemoryStream(bytes), Limit, CancellationToken.None);

        saved.Hash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        saved.Size.ShouldBe(bytes.Length);
        (await reader.SizeOfAsync(saved.Hash, CancellationToken.None)).ShouldBe(bytes.Length);
        (await CountAsync("SELECT count(*) FROM blob_chunks")).ShouldBe(3);
        await using var stream = await reader.OpenReadAsync(saved.Hash, CancellationToken.None);
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy, 100_000);
        copy.ToArray().ShouldBe(bytes);
    }

    [Fact]
    public async Task Save_SameBytesTwice_StoredOnce()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        await using var store = new PostgresBlobStore(ConnectionString);

        var first = await store.SaveAsync(new MemoryStream(bytes), Limit, CancellationToken.None);
        var second = await store.SaveAsync(new MemoryStream(bytes), Limit, CancellationToken.None);

        second.ShouldBe(first);
        (await CountAsync("SELECT count(*) FROM blobs")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM blob_chunks")).ShouldBe(1);
    }

    [Fact]
    public async Task Save_OverTheLimitOrBrokenOff_NothingLeftInTheRecord()
    {
        await using var store = new PostgresBlobStore(ConnectionString);

        var refused = await Should.ThrowAsync<HubException>(() => store.SaveAsync(new MemoryStream(new byte[Limit + 1]), Limit, CancellationToken.None));
        await Should.ThrowAsync<IOException>(() => store.SaveAsync(new BrokenStream(3 * PostgresBlobStore.ChunkBytes), Limit, CancellationToken.None));

        refused.Error.ShouldBe(ErrorCodes.BlobTooLarge);
        (await CountAsync("SELECT count(*) FROM blob_chunks")).ShouldBe(0);
        (await CountAsync("SELECT count(*) FROM blobs")).ShouldBe(0);
    }

    [Fact]
    public async Task StoredBefore_OldBlobListedAndDeletedWithItsChunks_FreshOrStoredAgainKept()
    {
        await using var store = new PostgresBlobStore(ConnectionString);
        var old = await store.SaveAsync(new MemoryStream(RandomNumberGenerator.GetBytes(2 * PostgresBlobStore.ChunkBytes + 5)), Limit, CancellationToken.None);
        var again = await store.SaveAsync(new MemoryStream(RandomNumberGenerator.GetBytes(10)), Limit, CancellationToken.None);
        var fresh = await store.SaveAsync(new MemoryStream(RandomNumberGenerator.GetBytes(10)), Limit, CancellationToken.None);
        await CountAsync($"WITH aged AS (UPDATE blobs SET stored_at = stored_at - {TimeSpan.FromDays(3).TotalMilliseconds} WHERE hash IN ('{old.Hash}', '{again.Hash}') RETURNING 1) SELECT count(*) FROM aged");
        var bytesAgain = new MemoryStream();
        await using (var read = await store.OpenReadAsync(again.Hash, CancellationToken.None))
        {
            await read.CopyToAsync(bytesAgain);
        }

        await store.SaveAsync(new MemoryStream(bytesAgain.ToArray()), Limit, CancellationToken.None);
        var before = DateTimeOffset.UtcNow.AddDays(-1);

        var listed = await store.StoredBeforeAsync(before, 10, CancellationToken.None);
        var deleted = await store.DeleteIfStoredBeforeAsync(old.Hash, before, CancellationToken.None);

        listed.ShouldBe([old.Hash]);
        deleted.ShouldBeTrue();
        (await store.SizeOfAsync(old.Hash, CancellationToken.None)).ShouldBeNull();
        (await store.DeleteIfStoredBeforeAsync(fresh.Hash, before, CancellationToken.None)).ShouldBeFalse();
        (await store.DeleteIfStoredBeforeAsync(again.Hash, before, CancellationToken.None)).ShouldBeFalse();
        (await CountAsync("SELECT count(*) FROM blobs")).ShouldBe(2);
        (await CountAsync("SELECT count(*) FROM blob_chunks")).ShouldBe(2);
    }

    [Fact]
    public async Task SizeOf_UnknownOrMalformedHash_Null()
    {
        await using var store = new PostgresBlobStore(ConnectionString);

        (await store.SizeOfAsync(new string('0', 64), CancellationToken.None)).ShouldBeNull();
        (await store.SizeOfAsync("'; DROP TABLE blobs; --", CancellationToken.None)).ShouldBeNull();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>An upload whose sender goes away: some megabytes, then a broken connection.</summary>
    private sealed class BrokenStream(int before) : Stream
    {
        private int _left = before;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_left == 0)
            {
                throw new IOException("The sender went away.");
            }

            var give = Math.Min(count, _left);
            _left -= give;
            return give;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

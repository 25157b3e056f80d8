using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
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
}

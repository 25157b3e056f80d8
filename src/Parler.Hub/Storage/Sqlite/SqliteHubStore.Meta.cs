using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Parler.Hub.Storage.Sqlite;

/// <summary>The hub's own settings in the record: its id and the key its sign-in challenges are made with.</summary>
internal sealed partial class SqliteHubStore
{
    public Task<HubMeta> GetMetaAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_meta ?? throw new InvalidOperationException("The store is not initialised."));

    private static async Task<HubMeta> LoadOrCreateMetaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var hubId = await ReadMetaAsync(connection, "hub_id", cancellationToken);
        var key = await ReadMetaAsync(connection, "challenge_key", cancellationToken);
        if (hubId is null || key is null)
        {
            hubId = "hub_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            await using var command = SqliteQueries.Command(
                connection,
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('hub_id', $id), ('challenge_key', $key), ('schema', '1')",
                ("$id", hubId), ("$key", key));
            await command.ExecuteNonQueryAsync(cancellationToken);
            hubId = (await ReadMetaAsync(connection, "hub_id", cancellationToken))!;
            key = (await ReadMetaAsync(connection, "challenge_key", cancellationToken))!;
        }

        return new HubMeta(hubId, Convert.FromBase64String(key));
    }

    private static async Task<string?> ReadMetaAsync(SqliteConnection connection, string key, CancellationToken cancellationToken)
    {
        await using var command = SqliteQueries.Command(connection, "SELECT value FROM meta WHERE key = $key", ("$key", key));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}

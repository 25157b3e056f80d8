namespace Parler.Hub.Storage.Sqlite;

/// <summary>
/// The nonces of a room's signed posts, read straight from the facts through an expression index (so a record written
/// before the index existed is covered too): a nonce the room already holds marks a replayed post.
/// </summary>
internal static class SqliteNonces
{
    private const string SignedPosts = "type IN ('message.posted', 'handoff.posted', 'bundle.posted', 'file.posted')";

    public static async Task<bool> SeenAsync(SqliteCommandCache commands, string roomId, string nonce, CancellationToken cancellationToken) =>
        await commands.Get(
            $"SELECT 1 FROM facts WHERE stream = $room AND json_extract(data, '$.nonce') = $nonce AND {SignedPosts} LIMIT 1",
            ("$room", roomId), ("$nonce", nonce)).ExecuteScalarAsync(cancellationToken) is not null;

}

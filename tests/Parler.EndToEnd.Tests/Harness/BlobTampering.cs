using Npgsql;
using Parler.Tests.Shared;

namespace Parler.EndToEnd.Tests.Harness;

/// <summary>What an operator with the hub's disk or database could do to a stored blob: change its bytes in place.</summary>
public static class BlobTampering
{
    /// <summary>Flips the blob's last byte: in <c>blobs/</c> beside a SQLite record, or in its last chunk in PostgreSQL.</summary>
    public static Task FlipLastByteAsync(HubFixture fixture, string blob) => fixture.UsesPostgres
        ? ChangeChunkAsync(fixture, blob, "b.chunks - 1", "set_byte(c.bytes, octet_length(c.bytes) - 1, get_byte(c.bytes, octet_length(c.bytes) - 1) # 255)")
        : FlipOnDiskAsync(Path.Combine(fixture.HubHome, "blobs", blob[..2], blob));

    /// <summary>Flips the first byte of the blob's first chunk in PostgreSQL.</summary>
    public static Task FlipFirstByteInRecordAsync(HubFixture fixture, string blob) =>
        ChangeChunkAsync(fixture, blob, "0", "set_byte(c.bytes, 0, get_byte(c.bytes, 0) # 255)");

    private static async Task FlipOnDiskAsync(string path)
    {
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes);
    }

    private static async Task ChangeChunkAsync(HubFixture fixture, string blob, string chunk, string change)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString(fixture.Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"UPDATE blob_chunks c SET bytes = {change} FROM blobs b WHERE b.hash = @hash AND c.content = b.content AND c.n = {chunk}", connection);
        command.Parameters.AddWithValue("hash", blob);
        (await command.ExecuteNonQueryAsync()).ShouldBe(1, "the blob's chunk should be in the record");
    }
}

using Npgsql;
using Parler.Core.Facts;
using Parler.Core.Protocol;
using Parler.Hub.Blobs;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// Blobs in the PostgreSQL record (migration 0004): 1 MiB rows of <c>blob_chunks</c> under a content id, named by
/// a <c>blobs</c> row once the upload's hash is known, all in one transaction. Every hub on the database serves every
/// blob; a killed hub loses none and leaves no half upload. Uploads and downloads stream one chunk at a time.
/// </summary>
internal sealed class PostgresBlobStore(string connectionString) : IBlobStore, IAsyncDisposable
{
    public const int ChunkBytes = 1024 * 1024;

    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    /// <summary>Blobs whose <c>stored_at</c> (migration 0009: set on every store, also of bytes already held) is before <paramref name="before"/>, oldest first.</summary>
    public async Task<IReadOnlyList<string>> StoredBeforeAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand("SELECT hash FROM blobs WHERE stored_at < $1 ORDER BY stored_at LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = before.ToUnixTimeMilliseconds() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    /// <summary>The name and its chunks go in one transaction; a blob stored again since <paramref name="before"/> stays.</summary>
    public async Task<bool> DeleteIfStoredBeforeAsync(string hash, DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var name = new NpgsqlCommand("DELETE FROM blobs WHERE hash = $1 AND stored_at < $2 RETURNING content", connection, transaction);
        name.Parameters.Add(new NpgsqlParameter<string> { TypedValue = hash });
        name.Parameters.Add(new NpgsqlParameter<long> { TypedValue = before.ToUnixTimeMilliseconds() });
        if (await name.ExecuteScalarAsync(cancellationToken) is not long content)
        {
            return false;
        }

        await using var chunks = new NpgsqlCommand("DELETE FROM blob_chunks WHERE content = $1", connection, transaction);
        chunks.Parameters.Add(new NpgsqlParameter<long> { TypedValue = content });
        await chunks.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<BlobView> SaveAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long content;
        await using (var next = new NpgsqlCommand("SELECT nextval('blob_contents')", connection, transaction))
        {
            content = (long)(await next.ExecuteScalarAsync(cancellationToken))!;
        }

        int chunks;
        string hash;
        long size;
        await using (var writer = new PostgresBlobChunkWriter(connection, transaction, content))
        {
            (hash, size) = await BlobIntake.CopyAsync(source, maxBytes, writer.WriteAsync, cancellationToken);
            await writer.CompleteAsync(cancellationToken);
            chunks = writer.Chunks;
        }

        await using var name = new NpgsqlCommand(
            "INSERT INTO blobs (hash, content, size, chunks) VALUES ($1, $2, $3, $4) ON CONFLICT (hash) DO NOTHING", connection, transaction);
        name.Parameters.Add(new NpgsqlParameter<string> { TypedValue = hash });
        name.Parameters.Add(new NpgsqlParameter<long> { TypedValue = content });
        name.Parameters.Add(new NpgsqlParameter<long> { TypedValue = size });
        name.Parameters.Add(new NpgsqlParameter<int> { TypedValue = chunks });
        if (await name.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            // The record holds these bytes already (the same hash): keep that copy, drop this one, and count the blob as
            // stored now, so the collector's grace period starts again as it does for a file stored again.
            await transaction.RollbackAsync(cancellationToken);
            await using var again = new NpgsqlCommand(
                "UPDATE blobs SET stored_at = (extract(epoch FROM clock_timestamp()) * 1000)::bigint WHERE hash = $1", connection);
            again.Parameters.Add(new NpgsqlParameter<string> { TypedValue = hash });
            await again.ExecuteNonQueryAsync(cancellationToken);
        }

        return new BlobView(hash, size);
    }

    public async Task<long?> SizeOfAsync(string hash, CancellationToken cancellationToken) =>
        BlobBody.IsHash(hash) && await FindAsync(hash, cancellationToken) is { } found ? found.Size : null;

    public async Task<Stream> OpenReadAsync(string hash, CancellationToken cancellationToken) =>
        await FindAsync(hash, cancellationToken) is { } found
            ? new PostgresBlobReadStream(_source, found.Content, found.Chunks)
            : throw new FileNotFoundException($"No blob {hash} in the record.");

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private async Task<(long Content, long Size, int Chunks)?> FindAsync(string hash, CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand("SELECT content, size, chunks FROM blobs WHERE hash = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = hash });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2)) : null;
    }
}

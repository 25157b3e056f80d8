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

    /// <summary>Not yet: the blobs table keeps no time, so blobs stored in PostgreSQL are never collected (docs/limits.md).</summary>
    public Task<IReadOnlyList<string>> StoredBeforeAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task<bool> DeleteIfStoredBeforeAsync(string hash, DateTimeOffset before, CancellationToken cancellationToken) => Task.FromResult(false);

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
            // The record holds these bytes already (the same hash): keep that copy, drop this one.
            await transaction.RollbackAsync(cancellationToken);
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

using System.Buffers;
using Npgsql;
using NpgsqlTypes;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// Cuts an upload into <see cref="PostgresBlobStore.ChunkBytes"/> rows of <c>blob_chunks</c>. Two buffers: while one
/// chunk is being inserted the next one fills from the upload, so reading the network and writing the database overlap
/// (at most one insert in flight on the connection). Memory: two chunks, whatever the blob's size.
/// </summary>
internal sealed class PostgresBlobChunkWriter : IAsyncDisposable
{
    private readonly NpgsqlCommand _insert;
    private readonly NpgsqlParameter<int> _number = new();
    private readonly NpgsqlParameter<ArraySegment<byte>> _bytes = new() { NpgsqlDbType = NpgsqlDbType.Bytea };
    private byte[] _filling = ArrayPool<byte>.Shared.Rent(PostgresBlobStore.ChunkBytes);
    private byte[] _sending = ArrayPool<byte>.Shared.Rent(PostgresBlobStore.ChunkBytes);
    private int _filled;
    private Task? _inFlight;

    public PostgresBlobChunkWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, long content)
    {
        _insert = new NpgsqlCommand("INSERT INTO blob_chunks (content, n, bytes) VALUES ($1, $2, $3)", connection, transaction);
        _insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = content });
        _insert.Parameters.Add(_number);
        _insert.Parameters.Add(_bytes);
    }

    /// <summary>How many chunks were started so far.</summary>
    public int Chunks { get; private set; }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> piece, CancellationToken cancellationToken)
    {
        while (!piece.IsEmpty)
        {
            var take = Math.Min(piece.Length, PostgresBlobStore.ChunkBytes - _filled);
            piece.Span[..take].CopyTo(_filling.AsSpan(_filled));
            _filled += take;
            piece = piece[take..];
            if (_filled == PostgresBlobStore.ChunkBytes)
            {
                await SendAsync(cancellationToken);
            }
        }
    }

    /// <summary>Sends the last, partial chunk and waits until every chunk is in.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_filled > 0)
        {
            await SendAsync(cancellationToken);
        }

        if (_inFlight is { } last)
        {
            _inFlight = null;
            await last;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_inFlight is { } abandoned)
        {
            // The upload failed while a chunk was on its way; the transaction is rolled back, but the connection must be idle first.
            await abandoned.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        await _insert.DisposeAsync();
        ArrayPool<byte>.Shared.Return(_filling);
        ArrayPool<byte>.Shared.Return(_sending);
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        if (_inFlight is { } previous)
        {
            _inFlight = null;
            await previous;
        }

        (_filling, _sending) = (_sending, _filling);
        _number.TypedValue = Chunks++;
        _bytes.TypedValue = new ArraySegment<byte>(_sending, 0, _filled);
        _filled = 0;
        _inFlight = _insert.ExecuteNonQueryAsync(cancellationToken);
    }
}

using System.Data;
using Npgsql;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// A blob's chunks in order, read straight from each row's column into the caller's buffer: one pooled connection per
/// chunk, never a whole chunk (let alone the blob) in memory. A missing chunk ends the stream early; the reader, who
/// knows the size and the hash, refuses what is short or altered.
/// </summary>
internal sealed class PostgresBlobReadStream(NpgsqlDataSource source, long content, int chunks) : Stream
{
    private int _next;
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _command;
    private NpgsqlDataReader? _reader;
    private Stream? _column;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_column is null && !await OpenNextAsync(cancellationToken))
            {
                return 0;
            }

            var read = await _column!.ReadAsync(buffer, cancellationToken);
            if (read > 0 || buffer.IsEmpty)
            {
                return read;
            }

            await CloseChunkAsync();
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        await CloseChunkAsync();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseChunkAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    private async Task<bool> OpenNextAsync(CancellationToken cancellationToken)
    {
        if (_next >= chunks)
        {
            return false;
        }

        _connection = await source.OpenConnectionAsync(cancellationToken);
        _command = new NpgsqlCommand("SELECT bytes FROM blob_chunks WHERE content = $1 AND n = $2", _connection);
        _command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = content });
        _command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _next++ });
        _reader = await _command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        if (!await _reader.ReadAsync(cancellationToken))
        {
            await CloseChunkAsync();
            _next = chunks;
            return false;
        }

        _column = await _reader.GetStreamAsync(0, cancellationToken);
        return true;
    }

    private async ValueTask CloseChunkAsync()
    {
        if (_column is not null)
        {
            await _column.DisposeAsync();
        }

        if (_reader is not null)
        {
            await _reader.DisposeAsync();
        }

        if (_command is not null)
        {
            await _command.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        (_column, _reader, _command, _connection) = (null, null, null, null);
    }
}

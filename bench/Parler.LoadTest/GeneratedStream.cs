namespace Parler.LoadTest;

/// <summary>A read-only stream of <c>length</c> pseudo-random bytes made up as they are read: numbered 1 MiB chunks, never held whole.</summary>
internal sealed class GeneratedStream(long length) : Stream
{
    private const int Chunk = 1 << 20;
    private readonly byte[] _chunk = Fill();
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var inChunk = (int)(_position % Chunk);
        var count = (int)Math.Min(Math.Min(buffer.Length, Chunk - inChunk), length - _position);
        if (count <= 0)
        {
            return 0;
        }

        BitConverter.TryWriteBytes(_chunk, _position / Chunk);
        _chunk.AsSpan(inChunk, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

    public override void Flush() => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static byte[] Fill()
    {
        var chunk = new byte[Chunk];
        new Random(42).NextBytes(chunk);
        return chunk;
    }
}

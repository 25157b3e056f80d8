namespace Parler.Core.Json;

/// <summary>A growing byte buffer that can be cut back to an earlier length (what the canonical writer rewrites in place).</summary>
internal sealed class Utf8Output(int capacity)
{
    private byte[] _bytes = new byte[Math.Max(capacity, 16)];

    public int Length { get; private set; }

    public void Write(byte value)
    {
        Reserve(1);
        _bytes[Length++] = value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(Length));
        Length += bytes.Length;
    }

    public ReadOnlySpan<byte> Slice(int start, int length) => _bytes.AsSpan(start, length);

    public void Truncate(int length) => Length = length;

    public byte[] ToArray() => _bytes.AsSpan(0, Length).ToArray();

    private void Reserve(int count)
    {
        if (Length + count > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + count));
        }
    }
}
